package no.evidens.pipeline.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/**
 * One ingestion of an uploaded bundle: its progress, then its receipt or its error. Holds file names and
 * counts, never text. Its state is kept in a file under the home ({@link IngestJobFiles}) as it goes, so
 * a job the server was stopped in the middle of is known afterwards as {@code interrupted}.
 */
final class IngestJob implements ProgressListener {
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";

    /**
     * What is kept of a job between server runs.
     *
     * @param bundle the uploaded .zip under the home, ingested again when the job is resumed
     */
    record Saved(String id, String caseId, String fileName, String municipality, String bundle, String state, int total,
                 int done, int failed, Receipt receipt, String error, String started, String updated) {
    }

    final String id;
    final String caseId;
    final String fileName;
    final String municipality;
    final Path bundle;
    final Instant started;
    volatile String state = RUNNING;
    volatile int total = -1;
    final AtomicInteger done = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final List<ReceiptFile> recent = new ArrayList<>();
    volatile Receipt receipt;
    volatile String error;
    private final Runnable progressSaver;

    IngestJob(String id, String caseId, String fileName, String municipality, Path bundle, Instant started, Runnable progressSaver) {
        this.id = id;
        this.caseId = caseId;
        this.fileName = fileName;
        this.municipality = municipality;
        this.bundle = bundle;
        this.started = started;
        this.progressSaver = progressSaver;
    }

    /** A job as kept from an earlier run: one that was running then was interrupted by the stop. */
    static IngestJob of(Saved s, Runnable progressSaver) {
        IngestJob j = new IngestJob(s.id(), s.caseId(), s.fileName(), s.municipality(), Path.of(s.bundle()), Instant.parse(s.started()), progressSaver);
        j.state = RUNNING.equals(s.state()) ? INTERRUPTED : s.state();
        j.total = s.total();
        j.done.set(s.done());
        j.failed.set(s.failed());
        j.receipt = s.receipt();
        j.error = s.error();
        return j;
    }

    Saved saved() {
        return new Saved(id, caseId, fileName, municipality, bundle.toString(), state, total, done.get(), failed.get(), receipt,
                error, started.toString(), Instant.now().toString());
    }

    /** Starts again from the beginning (files already in the case are then accounted as duplicates). */
    void restart() {
        state = RUNNING;
        total = -1;
        done.set(0);
        failed.set(0);
        synchronized (recent) {
            recent.clear();
        }
        receipt = null;
        error = null;
    }

    @Override
    public void started(int files) {
        total = files;
        progressSaver.run();
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
        progressSaver.run();
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
        m.put("started", started.toString());
        return m;
    }
}
