package no.evidens.pipeline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import no.evidens.findings.CaseClosed;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.StampedNames;
import no.evidens.pipeline.findings.CaseService;

/**
 * The intake of an upload ({@code POST /api/ingest}): its parameters, type and size checked and its case open, then the
 * .zip read into {@code <home>/bundles/} (quotations cite it, and {@code verify} reads it again) and handed to the queue
 * ({@link IngestJobs}) as a job, which the 202 shows. The queue says whether an upload is taken now; the body is read
 * outside its lock, so a slow upload holds its own thread only.
 */
final class IngestUploads {
    private final EvidensHome home;
    private final long maxBytes;
    private final IngestJobs queue;

    IngestUploads(EvidensHome home, long maxBytes, IngestJobs queue) {
        this.home = home;
        this.maxBytes = maxBytes;
        this.queue = queue;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Reads an uploaded .zip from the request and makes it a job of the queue (started, or waiting). */
    IngestJob upload(Exchange x) throws IOException {
        String caseId = Params.caseId(x.required("case"));
        String municipality = x.param("municipality");
        if (municipality != null && municipality.length() > 100) {
            throw ApiError.badRequest("error.param.too-long", "municipality", 100);
        }
        String name = x.param("name") == null ? "bundle.zip" : x.param("name");
        UploadBody.requireZipType(x);
        // A closed case takes no more documents: refused before the body is read.
        try {
            new CaseService(home, Duration.ofSeconds(20)).requireOpen(caseId);
        } catch (CaseClosed e) {
            throw new ApiError(409, "error.case-closed", e.caseId(), e.closedBy(), ServerTime.day(e.closedAt()));
        }
        long declared = x.contentLength();
        if (declared > maxBytes) {
            throw new ApiError(413, "error.ingest.too-large", UploadBody.mb(declared), UploadBody.mb(maxBytes));
        }
        queue.receiving();
        Path zip = null;
        boolean received = false;
        try {
            // stamped in UTC, as the receipts are (a local time reads two ways the night the clocks go back); a name of its
            // own, never another upload's of the same millisecond (another server or a restart on this home)
            zip = StampedNames.create(home.root().resolve("bundles"), caseId, Instant.now(), ".zip");
            UploadBody.save(x, zip, maxBytes);
            received = true;
        } finally {
            if (!received) {
                if (zip != null) {
                    Files.deleteIfExists(zip);
                }
                queue.receivedNone();
            }
        }
        return queue.take(caseId, name, municipality, zip);
    }
}
