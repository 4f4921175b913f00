package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.findings.CaseClosed;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * Bundle uploads: the .zip is kept under {@code <home>/bundles/} (quotations cite it, and {@code verify}
 * reads it again), then ingested in the background, one bundle at a time, with progress to poll.
 */
final class IngestJobs {
    private static final Logger LOG = LoggerFactory.getLogger(IngestJobs.class);
    private static final List<String> ZIP_TYPES = List.of("application/zip", "application/x-zip-compressed",
            "application/octet-stream", "multipart/x-zip");

    private final EvidensHome home;
    private final long maxBytes;
    private final Function<EvidensHome, Ingestion> ingestions;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Job running;
    /** An upload is being received (at most one at a time: a second is refused at once, holding no thread). */
    private boolean receiving;

    IngestJobs(EvidensHome home, long maxBytes, Function<EvidensHome, Ingestion> ingestions) {
        this.home = home;
        this.maxBytes = maxBytes;
        this.ingestions = ingestions;
    }

    /** The files of the running ingestion not yet done (0 when none runs), for the metrics. */
    int filesWaiting() {
        Job job = running;
        return job == null ? 0 : Math.max(0, job.total - job.done.get());
    }

    /** 1 while an ingestion runs, else 0, for the metrics. */
    int jobsRunning() {
        return running == null ? 0 : 1;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** One ingestion: its progress, then its receipt or its error. Holds file names and counts, never text. */
    static final class Job implements ProgressListener {
        final String id;
        final String caseId;
        final String fileName;
        volatile String state = "running";
        volatile int total = -1;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<ReceiptFile> recent = new ArrayList<>();
        volatile Receipt receipt;
        volatile String error;

        Job(String id, String caseId, String fileName) {
            this.id = id;
            this.caseId = caseId;
            this.fileName = fileName;
        }

        @Override
        public void started(int files) {
            total = files;
        }

        @Override
        public void fileDone(ReceiptFile file) {
            done.incrementAndGet();
            if (ReceiptFile.FAILED.equals(file.status())) {
                failed.incrementAndGet();
            }
            synchronized (recent) {
                recent.add(file);
                if (recent.size() > 5) {
                    recent.remove(0);
                }
            }
        }

        @Override
        public void finished() {
        }

        Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("case", caseId);
            m.put("file", fileName);
            m.put("state", state);
            m.put("total", total);
            m.put("done", done.get());
            m.put("failed", failed.get());
            synchronized (recent) {
                m.put("recent", List.copyOf(recent));
            }
            m.put("receipt", receipt);
            m.put("error", error);
            return m;
        }
    }

    /** Reads an uploaded .zip from the request and starts ingesting it into the case. */
    Job upload(Exchange x) throws IOException {
        String caseId = Params.caseId(x.required("case"));
        String municipality = x.param("municipality");
        if (municipality != null && municipality.length() > 100) {
            throw ApiError.badRequest("the municipality name is too long (at most 100 characters)");
        }
        String name = x.param("name") == null ? "bundle.zip" : x.param("name");
        String type = x.header("Content-Type");
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!ZIP_TYPES.contains(base)) {
            throw new ApiError(415, "upload the bundle as a .zip file (Content-Type application/zip), not " + (type == null ? "nothing" : base));
        }
        // A closed case takes no more documents: refused before the body is read.
        try {
            new CaseService(home, Duration.ofSeconds(20)).requireOpen(caseId);
        } catch (CaseClosed e) {
            throw new ApiError(409, e.getMessage());
        }
        long declared = x.contentLength();
        if (declared > maxBytes) {
            throw new ApiError(413, "the file is too large: " + mb(declared) + " MB, at most " + mb(maxBytes) + " MB");
        }
        synchronized (this) {
            if (running != null) {
                throw new ApiError(409, "a bundle is already being ingested (" + running.fileName + " into " + running.caseId
                        + "); wait until it is done");
            }
            if (receiving) {
                throw new ApiError(409, "another bundle is being uploaded; wait until it is done");
            }
            receiving = true;
        }
        // Received outside the lock: a slow upload holds its own thread only, never the others'.
        Path zip = null;
        boolean received = false;
        try {
            Path dir = Files.createDirectories(home.root().resolve("bundles"));
            zip = dir.resolve(caseId + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".zip");
            receive(x, zip);
            received = true;
        } finally {
            if (!received) {
                if (zip != null) {
                    Files.deleteIfExists(zip);
                }
                synchronized (this) {
                    receiving = false;
                }
            }
        }
        Path bundle = zip;
        synchronized (this) {
            receiving = false;
            Job job = new Job(Integer.toString(ids.incrementAndGet()), caseId, safeName(name));
            jobs.put(job.id, job);
            running = job;
            Thread t = new Thread(() -> run(job, caseId, municipality, bundle), "evidens-ingest-" + job.id);
            t.setDaemon(true);
            t.start();
            return job;
        }
    }

    private static String safeName(String name) {
        String n = name.replaceAll("[\\p{Cntrl}]", "");
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    private void receive(Exchange x, Path zip) throws IOException {
        long n = 0;
        byte[] head = new byte[4];
        int headLen = 0;
        try (InputStream in = x.body(); OutputStream out = Files.newOutputStream(zip)) {
            byte[] buf = new byte[64 * 1024];
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r && headLen < 4; i++) {
                    head[headLen++] = buf[i];
                }
                n += r;
                if (n > maxBytes) {
                    throw new ApiError(413, "the file is too large: more than " + mb(maxBytes) + " MB");
                }
                out.write(buf, 0, r);
            }
        }
        if (n == 0) {
            throw ApiError.badRequest("the upload is empty: choose a .zip file");
        }
        // A zip starts with a local file header (PK\3\4), or is empty (PK\5\6).
        boolean zipMagic = headLen == 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
        if (!zipMagic) {
            throw new ApiError(415, "the file is not a .zip archive: pack the bundle's folders into a .zip and upload that");
        }
    }

    private void run(Job job, String caseId, String municipality, Path zip) {
        long t0 = System.nanoTime();
        try {
            job.receipt = ingestions.apply(home).ingest(caseId, municipality, zip, job);
            job.state = "done";
            LOG.info("ingested upload {} into case {}: {} in {} ms", job.id, caseId, job.receipt.counts(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (Exception | Error e) {
            job.error = Messages.oneLine(e);
            job.state = "failed";
            LOG.warn("ingestion of upload {} into case {} failed: {}", job.id, caseId, e.getClass().getSimpleName());
        } finally {
            synchronized (this) {
                running = null;
            }
        }
    }

    Job job(String id) {
        Job j = jobs.get(id);
        if (j == null) {
            throw ApiError.notFound("no ingestion " + id + " (the server forgets them when it stops)");
        }
        return j;
    }
}
