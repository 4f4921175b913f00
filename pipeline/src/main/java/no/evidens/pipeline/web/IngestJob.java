package no.evidens.pipeline.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import no.evidens.pipeline.ingest.IngestPhase;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * One ingestion of an uploaded bundle: its progress, then its receipt or its error. Holds file names and
 * counts, never text. Its state is kept in a file under the home ({@link IngestJobFiles}) as it goes, so
 * a job whose server was stopped (or died) in the middle of it is known afterwards as {@code interrupted}
 * ({@link HomeIngestJobs}).
 */
final class IngestJob implements ProgressListener {
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String INTERRUPTED = "interrupted";
    /**
     * The index did not answer or refused the writes (a SolrCloud cluster or its ZooKeeper gone): the bundle is kept and
     * ingested again by itself when the index answers ({@link IngestJobs}); {@link #error} says so.
     */
    static final String WAITING = "waiting";

    /**
     * What is kept of a job between server runs.
     *
     * @param bundle    the uploaded .zip under the home, ingested again when the job is resumed
     * @param error     why it failed: a key of the catalogue (a job kept by an older version: its English
     *                  message, shown as the general failure), or null
     * @param errorArgs the values of that key, or null
     * @param retrying  true while a job that waited for the index is being ingested again (so that a stop of the server
     *                  in the middle leaves it waiting, not interrupted); null or false otherwise (and in older files)
     * @param phase     what its run was at when the file was written ({@link IngestPhase#code()}): for a running job, what it
     *                  does now; for an interrupted one, what it was doing when its server stopped. Null in files written
     *                  before round 54 (a running job's phase is then told by its counts, an interrupted one's not at all)
     */
    record Saved(String id, String caseId, String fileName, String municipality, String bundle, String state, int total,
                 int done, int failed, Receipt receipt, String error, String started, String updated, List<String> errorArgs,
                 Boolean retrying, String phase) {
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
    /** Why the job failed, worded in each user's language when shown; null unless it failed. */
    volatile ErrorTexts.Keyed error;
    /** This run ingests again a job that was waiting for the index ({@link #restart}). */
    volatile boolean retrying;
    /**
     * When ({@link System#nanoTime}) another writer last held the index against this job, or null: its lock refused this
     * job's run, or another server on the home ran a job as this one came. Not kept in the file: it serves this server's
     * looks at the index's lock ({@link HomeIngestJobs#waiters}).
     */
    volatile Long writerHeldAt;
    /**
     * What its run was last told it is at ({@link #phase(IngestPhase)}), or, for a job read from a file written before round
     * 54, null: then guessed from the counts while it runs ({@link #phase()}).
     */
    volatile IngestPhase at = IngestPhase.UNPACKING;
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

    /** A job as kept in its file (by this server, another on the home, or an earlier run), in the state the file says. */
    static IngestJob of(Saved s, Runnable progressSaver) {
        IngestJob j = new IngestJob(s.id(), s.caseId(), s.fileName(), s.municipality(), Path.of(s.bundle()), Instant.parse(s.started()), progressSaver);
        j.state = s.state();
        j.total = s.total();
        j.done.set(s.done());
        j.failed.set(s.failed());
        j.receipt = s.receipt();
        j.error = s.error() == null ? null : new ErrorTexts.Keyed(s.error(), s.errorArgs() == null ? List.of() : s.errorArgs());
        j.retrying = RUNNING.equals(s.state()) && Boolean.TRUE.equals(s.retrying());
        j.at = IngestPhase.ofCode(s.phase());
        return j;
    }

    /**
     * The job's file says running, but no server runs it (the one that did was stopped, or died): it was interrupted,
     * unless it was a waiting job being tried again, which waits again (and goes on by itself, as it would have).
     */
    void cutOff() {
        if (RUNNING.equals(state)) {
            if (retrying) {
                IngestOutcome.waitForIndex(this);
            } else {
                state = INTERRUPTED;
            }
        }
    }

    Saved saved() {
        return new Saved(id, caseId, fileName, municipality, bundle.toString(), state, total, done.get(), failed.get(), receipt,
                error == null ? null : error.key(), started.toString(), Instant.now().toString(),
                error == null ? null : error.args().stream().map(String::valueOf).toList(), RUNNING.equals(state) && retrying,
                at == null ? null : at.code());
    }

    /**
     * Starts again from the beginning (files already in the case are then accounted as duplicates); a job that was waiting
     * for the index is {@link #retrying}.
     */
    void restart() {
        retrying = WAITING.equals(state);
        state = RUNNING;
        total = -1;
        done.set(0);
        failed.set(0);
        synchronized (recent) {
            recent.clear();
        }
        receipt = null;
        error = null;
        writerHeldAt = null;
        at = IngestPhase.UNPACKING;
    }

    @Override
    public void started(int files) {
        total = files;
        progressSaver.run();
    }

    /** Kept at once (not after a second, as a file's progress is): another server, or this one after a restart, reads it. */
    @Override
    public void phase(IngestPhase phase) {
        at = phase;
        progressSaver.run();
    }

    /**
     * What a running job is at, for the stretches that count no file: {@code unpacking} (the bundle is read),
     * {@code starting} (the Tika worker and the models are readied), {@code reading}, {@code saving} (every file read: the
     * last commit and the receipt); for an interrupted one, what it was doing when its server stopped (null when its file
     * is older than round 54); null for any other state. A running job known by a file older than round 54 (another server
     * of an older version runs it) is told by its counts, as that version did.
     */
    String phase() {
        IngestPhase p = at;
        if (INTERRUPTED.equals(state)) {
            return p == null ? null : p.code();
        }
        if (!RUNNING.equals(state)) {
            return null;
        }
        if (p != null) {
            return p.code();
        }
        int files = total;
        int read = done.get();
        return files < 0 ? "unpacking" : read >= files ? "saving" : read > 0 ? "reading" : "starting";
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

    /** The job as the API shows it, its error in the user's language. */
    Map<String, Object> view(Language language) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("case", caseId);
        m.put("file", fileName);
        m.put("state", state);
        m.put("phase", phase());
        m.put("total", total);
        m.put("done", done.get());
        m.put("failed", failed.get());
        synchronized (recent) {
            m.put("recent", List.copyOf(recent));
        }
        m.put("receipt", ReceiptWords.shown(receipt, Texts.of(language)));
        ErrorTexts.Keyed e = error;
        boolean known = e != null && Texts.of(language).has(e.key());
        String worded = e == null ? null : ErrorTexts.word(language, known ? e : new ErrorTexts.Keyed("error.ingest.failed", List.of()));
        boolean waiting = WAITING.equals(state);
        // a job that waits for the index has not failed: its words are under "waiting", "error" stays for a failure
        m.put("error", waiting ? null : worded);
        m.put("waiting", waiting ? worded : null);
        m.put("started", started.toString());
        return m;
    }
}
