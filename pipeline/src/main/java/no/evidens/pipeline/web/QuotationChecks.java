package no.evidens.pipeline.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.findings.CaseReports;
import no.evidens.pipeline.findings.FailedCheck;
import no.evidens.pipeline.findings.LastCheck;
import no.evidens.pipeline.findings.Verification;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * The workspace's checks of a case's quotations ({@code evidens verify} on the command line), each run on a thread of
 * its own rather than the request's: a check hashes every quoted source file, and a container's document is taken out
 * of its container by a Tika worker, bounded only by the worker's time limit per container, so a case with many
 * quotations from e-mails can take minutes. The page polls the check for its progress and its outcome.
 *
 * <p>Limits: one check per case at a time (a second is refused with 409 while the first runs), and at most
 * {@link #MAX_RUNNING} on the server at once (the next is refused with 429): each reads files and may start a Tika
 * worker process, and the machine's cores are the searches' too. The runner keeps each finished check in the home
 * ({@code CheckRecords}), so that anyone who may read the case's findings sees its outcome when they open the page, after
 * a restart too, and a check made on the command line is seen here; a failed check is kept there too, beside the last
 * finished one ({@code FailedCheck}), and shown as failed until a check finishes.
 */
final class QuotationChecks {
    private static final Logger LOG = LoggerFactory.getLogger(QuotationChecks.class);
    /** How many checks run at once on the server. */
    static final int MAX_RUNNING = 2;
    /** Seconds a client refused for a full server is told to wait. */
    static final int RETRY_AFTER_SECONDS = 10;

    /** What checks a case and keeps its outcome as the case's last check: the service the command line uses too. */
    @FunctionalInterface
    interface Runner {
        LastCheck verify(String caseId, String by, CaseReports.Progress progress) throws IOException;
    }

    /** One check of one case: running, done (with its results) or failed (with why). */
    static final class Check {
        final String caseId;
        final String by;
        final Instant started;
        private volatile int done;
        private volatile int total = -1;
        private volatile Instant finished;
        private volatile List<Verification> results;
        private volatile ErrorTexts.Keyed error;

        private Check(String caseId, String by, Instant started) {
            this.caseId = caseId;
            this.by = by;
            this.started = started;
        }

        /** A check kept in the home (made before the server started, or on the command line), as a finished one. */
        static Check kept(LastCheck k) {
            Check c = new Check(k.caseId(), k.by(), k.startedAt());
            c.results = k.quotations();
            c.total = k.quotations().size();
            c.done = c.total;
            c.finished = k.finishedAt();
            return c;
        }

        /** A check that failed, kept in the home (here before a restart, or on the command line). */
        static Check keptFailed(FailedCheck f, String caseId) {
            Check c = new Check(caseId, f.by(), f.startedAt());
            c.error = failure(f.reason());
            c.finished = f.failedAt();
            return c;
        }

        boolean running() {
            return finished == null;
        }

        /** {@code running}, {@code done} or {@code failed}. */
        String state() {
            return running() ? "running" : error == null ? "done" : "failed";
        }

        int done() {
            return done;
        }

        /** How many quotations the check has to go through; -1 until they are read. */
        int total() {
            return total;
        }

        Instant finished() {
            return finished;
        }

        /** The outcome per quotation once done, else null. */
        List<Verification> results() {
            return results;
        }

        /** Why it failed, else null. */
        ErrorTexts.Keyed error() {
            return error;
        }
    }

    private final Runner runner;
    private final Function<String, Optional<LastCheck>> kept;
    private final Function<String, Optional<FailedCheck>> keptFailed;
    private final Map<String, Check> last = new ConcurrentHashMap<>();
    private int running;

    /** @param kept the case's last check kept in the home, by whoever made it (here, or on the command line) */
    QuotationChecks(Runner runner, Function<String, Optional<LastCheck>> kept) {
        this(runner, kept, caseId -> Optional.empty());
    }

    /**
     * @param kept       the case's last finished check kept in the home, by whoever made it (here, or on the command line)
     * @param keptFailed the case's check that failed after it, kept in the home
     */
    QuotationChecks(Runner runner, Function<String, Optional<LastCheck>> kept, Function<String, Optional<FailedCheck>> keptFailed) {
        this.runner = runner;
        this.kept = kept;
        this.keptFailed = keptFailed;
    }

    /**
     * Starts a check of the case, when none of it runs and the server has room for one more.
     *
     * @param recorded runs once the check is admitted and before it starts (the audit trail's line): when it throws, no
     *                 check is started
     * @throws ApiError 409 when the case's check runs already, 429 when {@link #MAX_RUNNING} run
     */
    synchronized Check start(String caseId, String by, Runnable recorded) {
        Check now = last.get(caseId);
        if (now != null && now.running()) {
            throw new ApiError(409, "error.verify.running", caseId, now.by);
        }
        if (running >= MAX_RUNNING) {
            throw new ApiError(429, "error.verify.busy", RETRY_AFTER_SECONDS);
        }
        recorded.run();
        Check c = new Check(caseId, by, Instant.now());
        last.put(caseId, c);
        running++;
        Thread t = new Thread(() -> run(c), "evidens-verify");
        t.setDaemon(true);
        t.start();
        return c;
    }

    /**
     * The case's check running now, else its last: the newer of the one made here and the one kept in the home (a
     * check on the command line, or one made before the server started); null when the case has not been checked.
     */
    Check last(String caseId) {
        Check here = last.get(caseId);
        if (here != null && here.running()) {
            return here;
        }
        Check home = newer(kept.apply(caseId).map(Check::kept).orElse(null),
                keptFailed.apply(caseId).map(f -> Check.keptFailed(f, caseId)).orElse(null));
        // the check made here is kept as it finished (the same times): the kept one is told, as after a restart
        return home != null && (here == null || !home.finished().isBefore(here.finished())) ? home : here;
    }

    private static Check newer(Check a, Check b) {
        return a == null ? b : b == null || a.finished().isAfter(b.finished()) ? a : b;
    }

    /** A failure's words: the catalogue's sentence of its kind (the same here and after a restart). */
    static ErrorTexts.Keyed failure(String reason) {
        return new ErrorTexts.Keyed("verify.failed." + reason, java.util.List.of());
    }

    private void run(Check c) {
        Instant finished = null;
        try {
            LastCheck done = runner.verify(c.caseId, c.by, (n, total) -> {
                c.total = total;
                c.done = n;
            });
            c.results = done.quotations();
            finished = done.finishedAt();
        } catch (IOException | RuntimeException e) {
            // a refusal with words of its own keeps them; any other failure is told by its kind, as when kept in the home
            ErrorTexts.Keyed own = ErrorTexts.ownKey(e);
            c.error = own != null && Texts.of(Language.NB).has(own.key()) ? own : failure(FailedCheck.reason(e));
            // the type only: a message may name a file of the case, which may name a person
            LOG.warn("the check of a case's quotations failed: {}", e.getClass().getName());
        } finally {
            synchronized (this) {
                running--;
            }
            c.finished = finished != null ? finished : Instant.now();
        }
    }
}
