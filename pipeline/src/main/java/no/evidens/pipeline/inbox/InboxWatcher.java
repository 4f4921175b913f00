package no.evidens.pipeline.inbox;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.findings.CaseClosed;
import no.evidens.index.IndexUnreachableException;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.FailureLog;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.bundle.Manifest;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.IngestionStopped;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptNotSaved;

/**
 * Unattended ingestion: Camel's file component watches an inbox folder, and each bundle dropped there (a
 * {@code .zip}, or a folder once its {@code manifest.csv} is there) is ingested into the case its manifest or
 * name gives ({@link BundleCase}), one after another, then moved to {@code done/} (ingested; its receipt beside
 * it) or {@code failed/} (not ingested; why, beside it). A bundle leaves the inbox only when it is finished, so
 * a watcher stopped or killed half-way takes it up again when it starts, and the files already committed come
 * out as duplicates; so does a bundle the full disk cut short, read again when there is room, and one a SolrCloud cluster gone or refusing writes cut short, read again when it is back. What it is doing is kept in {@code <home>/inbox.json} ({@link InboxState}).
 */
public final class InboxWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InboxWatcher.class);
    /** The inbox's folder for the bundles ingested, each beside its receipt. */
    public static final String DONE = "done";
    static final String FAILED = "failed";
    /** How long a bundle must stay unchanged before it is read (a zip still being copied is left alone). */
    static final long SETTLE_MILLIS = 1000;
    /**
     * How long a bundle the full disk cut short waits before it is read again: long enough that a full disk is not read
     * at every poll (each try unpacks and analyses the bundle anew), short enough that room made is used soon.
     */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final EvidensHome home;
    private final Path inbox;
    private final Function<EvidensHome, Ingestion> ingestions;
    private final PrintWriter out;
    /** How long a bundle the full disk cut short is let be before the watcher reads it again. */
    private final Duration retryAfter;
    /** The bundles left in the inbox for want of room, by name, and when. */
    private final Map<String, Instant> noRoomSince = new ConcurrentHashMap<>();
    private InboxState state;
    /** The state's writes: a home too full for inbox.json is logged once, not at every poll. */
    private final FailureLog stateLog = new FailureLog(LOG, "the inbox's state could not be saved to " + InboxState.FILE
            + " (the watcher goes on, and saves it as soon as it can)", "the inbox's state is saved again");
    /** Tells the workspace whether the state is being saved. */
    private final InboxSaving saving;
    /** Since when the state has not been saved, or null while it is. */
    private Instant notSavedSince;
    private CamelContext camel;
    /** Run at a poll that finds the inbox empty ({@link #whenIdle}). */
    private Runnable whenIdle = () -> { };
    /** Asked to stop: the bundle being ingested stops at its next file (it stays in the inbox), and no other is begun. */
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** Held while this watcher runs, so the workspace can tell a watcher stopped from one at work. */
    private final java.nio.channels.FileLock alive;

    /**
     * @param ingestions a new ingestion for each bundle (it closes its workers when the bundle is done)
     * @param out        one line per bundle finished
     */
    public InboxWatcher(EvidensHome home, Path inbox, Function<EvidensHome, Ingestion> ingestions, PrintWriter out) throws IOException {
        this(home, inbox, ingestions, out, RETRY_AFTER);
    }

    InboxWatcher(EvidensHome home, Path inbox, Function<EvidensHome, Ingestion> ingestions, PrintWriter out, Duration retryAfter)
            throws IOException {
        this.retryAfter = retryAfter;
        this.home = home;
        this.inbox = inbox.toAbsolutePath().normalize();
        this.ingestions = ingestions;
        this.out = out;
        Files.createDirectories(this.inbox.resolve(DONE));
        Files.createDirectories(this.inbox.resolve(FAILED));
        alive = InboxState.holdWatcherLock(home);
        InboxState before = InboxState.read(home);
        // A bundle that was running when the watcher stopped is still in the inbox: it is taken up again.
        state = new InboxState(this.inbox.toString(), null,
                before != null && this.inbox.toString().equals(before.inbox()) ? before.finished() : null);
        try {
            state.write(home);
            saving = InboxSaving.open(home);
        } catch (IOException | RuntimeException e) {
            InboxState.letGo(home, alive);
            throw e;
        }
    }

    /**
     * Run at a poll that finds the inbox empty (not by {@link #drain}): the command stops the Tika worker its bundles
     * share then, so that a watcher waiting for hours holds no worker's memory; the next bundle starts one again.
     */
    public InboxWatcher whenIdle(Runnable step) {
        this.whenIdle = step;
        return this;
    }

    /** Starts watching: new bundles are ingested as they settle, until {@link #close()}. */
    public void start() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // The inbox is its own record of what is left to do (a bundle leaves it only when finished), so Camel keeps
                // none: with its idempotent memory, the same bundle dropped again with the same name and time (cp -p,
                // rsync -a) stayed in the inbox until a restart. And its read lock writes no marker file: in a folder
                // bundle, manifest.csv.camelLock was ingested as an empty file that failed.
                // An empty message when there is nothing to read: a state that could not be saved is tried again at each poll.
                fromF("file:%s?antInclude=*.zip,*/%s&antExclude=%s/**,%s/**&recursive=true&maxDepth=2&noop=true"
                                + "&idempotent=false&readLock=changed&readLockMarkerFile=false&readLockMinAge=%d"
                                + "&readLockCheckInterval=250&sortBy=file:modified&delay=500&sendEmptyMessageWhenIdle=true",
                        inbox, Manifest.FILE_NAME, DONE, FAILED, SETTLE_MILLIS)
                        .routeId("inbox")
                        .process(ex -> {
                            File found = ex.getIn().getBody(File.class);
                            if (found == null) {
                                whenIdle.run(); // the inbox is empty: what was kept for its bundles is let go
                            }
                            if (found == null || waitingForRoom(found.toPath())) {
                                saveAgain();
                            } else {
                                ingest(found.toPath());
                            }
                        });
            }
        });
        camel.start();
    }

    /**
     * Ingests, one after another, the bundles in the inbox now; for a run from cron or a test.
     *
     * @return whether all went well: no bundle moved to {@code failed/}, and no file of one failed
     */
    public boolean drain() throws IOException {
        boolean allWell = true;
        for (String name : InboxState.waiting(inbox)) {
            if (stopping) {
                return false;
            }
            allWell &= ingest(inbox.resolve(name));
        }
        return allWell;
    }

    /**
     * Ingests one bundle (found as the zip, the folder or the folder's manifest) and moves it out of the inbox.
     *
     * @return false when the bundle went to {@code failed/} or a file of it failed; true otherwise (also when it is gone)
     */
    synchronized boolean ingest(Path found) throws IOException {
        Path bundle = found.getFileName().toString().equals(Manifest.FILE_NAME) ? found.getParent() : found;
        if (!Files.exists(bundle) || stopping) {
            return !stopping;
        }
        String name = bundle.getFileName().toString();
        String caseId = null;
        Receipt receipt = null;
        String error = null;
        Exception failure = null;
        String errorCode = InboxState.Finished.DAMAGED_BUNDLE;
        state = state.withRunning(new InboxState.Running(name, null, Instant.now().toString()));
        save();
        try {
            caseId = BundleCase.of(bundle);
            errorCode = InboxState.Finished.BAD_CASE_NAME;
            Ingestion.checkCaseId(caseId);
            errorCode = InboxState.Finished.UNEXPECTED;
            state = state.withRunning(new InboxState.Running(name, caseId, state.running().started()));
            save();
            // the receipt names the bundle where it will be, in done/ (nothing else writes there while this runs)
            receipt = ingestions.apply(home).keptAt(free(inbox.resolve(DONE), name)).stopWhen(() -> stopping)
                    .ingest(caseId, bundle, ProgressListener.NONE);
        } catch (IngestionStopped e) {
            // not finished: it stays in the inbox, neither done/ nor failed/, and the next start takes it up (those done
            // come out as duplicates)
            state = state.withRunning(null);
            save();
            out.printf("%s: %s; left in the inbox, taken up again at the next start%n", name, e.getMessage());
            out.flush();
            return false;
        } catch (ReceiptNotSaved e) {
            receipt = e.receipt();
            failure = e;
        } catch (Exception e) {
            failure = e;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof CaseClosed) {
                // a bundle for a closed case is refused by the ingest before it starts: said as such, not as unexpected
                errorCode = InboxState.Finished.CASE_CLOSED;
            }
        }
        if (Messages.diskFull(failure) || (receipt != null && notSaved(receipt, Reason.NOT_SAVED))) {
            return leftForRoom(name, caseId, receipt);
        }
        if (IndexUnreachableException.in(failure) || (receipt != null && notSaved(receipt, Reason.NOT_SAVED_BY_CLUSTER))) {
            String why = IndexUnreachableException.healthIn(failure).map(h -> "the SolrCloud cluster cannot take a bundle now ("
                    + h.state().code() + ")").orElse("the SolrCloud cluster did not answer or refused the writes");
            return leftFor(name, caseId, receipt, why + ": left in the inbox, read again when it is back",
                    InboxState.Finished.INDEX_UNREACHABLE);
        }
        Path folder = inbox.resolve(error == null ? DONE : FAILED);
        Path moved = free(folder, name);
        // The receipt and the watcher's state are written before the bundle moves, so whoever sees the bundle in done/
        // or failed/ finds its receipt beside it and the queue up to date (a watcher killed in between ingests the
        // bundle again, since it is still in the inbox, and writes both anew).
        Path receiptFile = folder.resolve(moved.getFileName() + ".receipt.json");
        try {
            if (receipt != null) {
                Json.write(receipt, receiptFile);
            } else {
                Map<String, String> why = new LinkedHashMap<>();
                why.put("bundle", name);
                why.put("case", caseId);
                why.put("error", error);
                Json.write(why, receiptFile);
            }
        } catch (java.io.UncheckedIOException e) {
            if (!Messages.diskFull(e)) {
                throw e;
            }
            return leftForRoom(name, caseId, receipt); // the inbox's disk is full: its receipt has no room beside it
        }
        noRoomSince.remove(name);
        Receipt.Counts counts = receipt == null ? null : receipt.counts();
        state = state.withFinished(new InboxState.Finished(name, caseId, error == null ? DONE : FAILED, Instant.now().toString(),
                counts == null ? 0 : counts.indexed(), counts == null ? 0 : counts.duplicate(), counts == null ? 0 : counts.failed(),
                error, error == null ? null : errorCode, inbox.relativize(moved).toString(), inbox.relativize(receiptFile).toString()));
        save();
        Files.move(bundle, moved);
        if (error == null) {
            out.printf("%s → case %s: %d indexed, %d duplicate, %d failed; moved to %s%n", name, caseId, counts.indexed(),
                    counts.duplicate(), counts.failed(), inbox.relativize(moved));
        } else {
            out.printf("%s: not ingested: %s; moved to %s%n", name, error, inbox.relativize(moved));
        }
        out.flush();
        return error == null && counts.failed() == 0;
    }

    /**
     * Whether a file of the receipt was not saved for this reason: for want of room, or by a cluster that refused or was
     * gone (the rest of the bundle may be in the index).
     */
    private static boolean notSaved(Receipt receipt, Reason why) {
        return receipt.files().stream().anyMatch(f -> why.text().equals(f.reason()));
    }

    /**
     * A bundle the full disk cut short stays in the inbox, so nothing of it is lost: the watcher takes it up again after
     * {@link #retryAfter} (what was saved comes out as duplicates), as a {@code --once} run from cron does the next time.
     * Not moved to {@code done/}, where it would sit as finished and never be read again.
     *
     * @return false: the bundle is not finished
     */
    private boolean leftForRoom(String name, String caseId, Receipt receipt) {
        return leftFor(name, caseId, receipt, "the disk is full (" + Messages.DISK_FULL + "): left in the inbox, read again when"
                + " there is room", InboxState.Finished.DISK_FULL);
    }

    /**
     * A bundle cut short by something that is not its fault (a full disk, a SolrCloud cluster gone or refusing writes)
     * stays in the inbox and is read again after {@link #retryAfter}, as {@link #leftForRoom} says.
     *
     * @return false: the bundle is not finished
     */
    private boolean leftFor(String name, String caseId, Receipt receipt, String error, String errorCode) {
        noRoomSince.put(name, Instant.now());
        Receipt.Counts counts = receipt == null ? null : receipt.counts();
        state = state.withFinished(new InboxState.Finished(name, caseId, InboxState.Finished.WAITING, Instant.now().toString(),
                counts == null ? 0 : counts.indexed(), counts == null ? 0 : counts.duplicate(), counts == null ? 0 : counts.failed(),
                error, errorCode, null, null));
        save();
        out.printf("%s: %s%n", name, error);
        out.flush();
        return false;
    }

    /**
     * Writes the state to {@code inbox.json}. One that cannot be written (the home's disk full) does not stop the watcher:
     * the failure is logged once (again when it changes, and when the state is saved again), the workspace is told through
     * {@link InboxSaving}, and the state is written at the next change or poll that finds room.
     */
    private void save() {
        try {
            state.write(home);
        } catch (IOException | java.io.UncheckedIOException e) {
            if (notSavedSince == null) {
                notSavedSince = Instant.now();
            }
            if (stateLog.failed(e)) {
                saving.notSaved(notSavedSince, Messages.diskFull(e) ? InboxState.Finished.DISK_FULL : InboxState.Finished.UNEXPECTED);
            }
            return;
        }
        if (notSavedSince != null) {
            notSavedSince = null;
            stateLog.worked();
            saving.saved();
        }
    }

    /** At a poll with nothing to read: the state written, when it could not be before. */
    synchronized void saveAgain() {
        if (notSavedSince != null) {
            save();
        }
    }

    /** Whether the bundle was left for want of room less than {@link #retryAfter} ago (the watcher lets it be till then). */
    private boolean waitingForRoom(Path found) {
        Path bundle = found.getFileName().toString().equals(Manifest.FILE_NAME) ? found.getParent() : found;
        Instant since = noRoomSince.get(bundle.getFileName().toString());
        return since != null && Instant.now().isBefore(since.plus(retryAfter));
    }

    /** The name in the folder, or name-2, name-3 … (before a .zip) when a bundle of that name is there already. */
    private static Path free(Path folder, String name) {
        Path p = folder.resolve(name);
        String stem = BundleCase.isZip(p) ? name.substring(0, name.length() - 4) : name;
        String ext = BundleCase.isZip(p) ? name.substring(name.length() - 4) : "";
        for (int n = 2; Files.exists(p); n++) {
            p = folder.resolve(stem + "-" + n + ext);
        }
        return p;
    }

    /**
     * Asks the watcher to stop (its process is being stopped): the bundle being ingested stops at its next file, its work
     * committed, and stays in the inbox; none is begun after. {@link #close} then ends the watching.
     */
    public void stop() {
        stopping = true;
    }

    /** Ends the watching (once; a second close does nothing). */
    @Override
    public void close() throws IOException {
        stopping = true;
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (camel != null) {
            camel.stop();
        }
        saving.close();
        InboxState.letGo(home, alive);
    }
}
