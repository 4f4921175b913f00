package no.evidens.pipeline.findings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.FailureLog;
import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StoreUnreachable;
import no.evidens.findings.trail.AuditEntry;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.findings.trail.AuditTrail;

/**
 * The audit trail's one long-lived writer for a server: the requests hand it their entries, and one thread
 * appends them in group commits (every entry waiting at that moment in one transaction and one synchronous
 * write of the chain file) on a store it keeps open while entries keep coming.
 *
 * <p>Durability: {@link #record} returns only once its entry is committed and anchored in the chain file, so
 * a response that a request sends after it always has its trail line, however the process ends afterwards;
 * when the entry cannot be written, the request fails as it did when it wrote the entry itself. The trail
 * is a legal record: an answer given without its line would be a reading nobody can account for, so the
 * request waits (a few milliseconds, shared by every request of the same commit) rather than have the line
 * written after the answer. What the wait saves is the rest: before, each recorded request opened the
 * findings store (the database, its schema check) for its line alone and wrote the chain file on its own.
 *
 * <p>The store is let go once it has been held for {@link #HOLD} and a command in another process says it waits
 * for the store's file lock (it touches {@link FindingStore#waitingFile}); it is then not taken again until
 * nobody has said so for {@link #GIVE_WAY}, so that the command gets its turn. Nobody waiting, it is kept while
 * entries come, and let go when none has come for {@link #IDLE}: opening the store (H2 reads its schema, the
 * migrations are checked) and closing it (H2 compacts the file for up to 200 ms) cost as much processor time as
 * dozens of entries, and were paid once a second under load, and twice for every search of a lone user. Should
 * a waiting command not be able to say so, the store is let go all the same once it has been held for
 * {@link #MAX_HOLD} and no entry has come for {@link #LULL}, not while entries keep coming, since every request
 * that comes meanwhile waits for its line through H2's compaction, the give-way and the opening again (half a
 * second and more, for every request of a busy server at once), for a process that nobody has said is there.
 * Only a store held for {@link #MAX_BUSY_HOLD} is let go without a lull: H2 compacts its file only as it closes
 * it (a commit a line at once, {@code WRITE_DELAY=0}, leaves no background compaction), and a store searched
 * without pause grows by a couple of kilobytes a commit meanwhile.
 *
 * <p>None of that letting go is done for a store on a store server ({@link #of}): there is no file lock that another
 * process waits for (the server locks the trail's head row for the few milliseconds of each append, and the other
 * processes' appends wait for that alone), so the connection is kept for the writer's life, and opened again only after
 * a commit failed (the server restarted).
 */
public final class TrailWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrailWriter.class);
    /** How long the store is kept open without an entry to write. */
    static final Duration IDLE = Duration.ofSeconds(5);
    /** How often, at least, the writer looks whether to let the store go. */
    private static final Duration LOOK = Duration.ofMillis(100);
    /** How long the store is held at least before it is let go for a process that waits for it. */
    static final Duration HOLD = Duration.ofSeconds(1);
    /**
     * How long the store is held before it is let go at the next lull, whether or not a process says it waits (a
     * safety net for one that cannot say so: each letting go costs H2's compaction on close, up to 200 ms of
     * processor time, and the give-way).
     */
    static final Duration MAX_HOLD = Duration.ofSeconds(60);
    /** How long no entry must have come before the store held for {@link #MAX_HOLD} is let go. */
    static final Duration LULL = Duration.ofMillis(500);
    /** How long the store is held at most while entries keep coming without a lull. */
    static final Duration MAX_BUSY_HOLD = Duration.ofMinutes(10);
    /**
     * Once let go for a waiting process, the store is taken again when nobody has said they wait for this long
     * (a waiting process says so every 20–100 ms until it has the store)...
     */
    static final Duration GIVE_WAY = Duration.ofMillis(300);
    /** ... or after this long at most. */
    static final Duration MAX_GIVE_WAY = Duration.ofSeconds(3);
    /** At most this many entries in one commit. */
    private static final int BATCH = 256;

    private record Pending(AuditEvent event, CompletableFuture<AuditEntry> done) {
    }

    private final Path storeDir;
    /** Opens the store: its folder's, or the store server's. */
    private final Supplier<FindingStore> stores;
    /** Whether the store is on a store server, which nobody waits to open: kept, never let go for others. */
    private final boolean keep;
    private final Path chainFile;
    private final Duration lockWait;
    private final Duration maxHold;
    private final Duration lull;
    private final Duration maxBusyHold;
    /** How many times the writer has opened the store (for tests: whether it kept it). */
    private final AtomicInteger opened = new AtomicInteger();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    /**
     * The commits' failures, logged once and again when they change or clear: on a full disk every request's commit fails
     * (each request is refused, and the request log says so), and a line per commit repeated the same thing.
     */
    private final FailureLog commits = new FailureLog(LOG, "audit trail entries not written", "audit trail entries are written again");
    private final Thread thread;
    private volatile boolean open = true;

    public TrailWriter(Path storeDir, Path chainFile, Duration lockWait) {
        this(storeDir, chainFile, lockWait, MAX_HOLD, LULL, MAX_BUSY_HOLD);
    }

    /** A writer with other bounds for the safety net's letting go (tests). */
    TrailWriter(Path storeDir, Path chainFile, Duration lockWait, Duration maxHold, Duration lull, Duration maxBusyHold) {
        this(storeDir, () -> FindingStore.open(storeDir, lockWait), false, chainFile, lockWait, maxHold, lull, maxBusyHold);
    }

    /** The writer of a home's trail: on the store in the home, or on its store server (whose connection it keeps). */
    public static TrailWriter of(HomeStores stores, Path chainFile, Duration lockWait) {
        return new TrailWriter(stores.findingsDir(), stores.findingsOpener(lockWait), stores.onServer(), chainFile, lockWait, MAX_HOLD,
                LULL, MAX_BUSY_HOLD);
    }

    private TrailWriter(Path storeDir, Supplier<FindingStore> stores, boolean keep, Path chainFile, Duration lockWait, Duration maxHold,
                        Duration lull, Duration maxBusyHold) {
        this.storeDir = storeDir;
        this.stores = stores;
        this.keep = keep;
        this.chainFile = chainFile;
        this.lockWait = lockWait;
        this.maxHold = maxHold;
        this.lull = lull;
        this.maxBusyHold = maxBusyHold;
        this.thread = new Thread(this::run, "evidens-audit-trail");
        thread.setDaemon(true);
        thread.start();
    }

    /** Appends the entry and returns once it is committed and in the chain file. */
    public AuditEntry record(AuditEvent event) {
        if (!open) {
            throw new IllegalStateException("the audit trail's writer is closed");
        }
        Pending p = new Pending(event, new CompletableFuture<>());
        queue.add(p);
        return await(p);
    }

    /**
     * Appends the entries, in order, and returns once all are committed and in the chain file: queued together, they are
     * written in the commits of a few requests' entries, not waited for one by one (a group's quotations page names each
     * of its 357 cases).
     */
    public List<AuditEntry> recordAll(List<AuditEvent> events) {
        if (!open) {
            throw new IllegalStateException("the audit trail's writer is closed");
        }
        List<Pending> pending = events.stream().map(e -> new Pending(e, new CompletableFuture<AuditEntry>())).toList();
        queue.addAll(pending);
        return pending.stream().map(this::await).toList();
    }

    private AuditEntry await(Pending p) {
        try {
            // bounded: a writer stopped under a waiting request must not hold it for ever
            return p.done().get(lockWait.toMillis() + 30_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the audit trail was written", e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the audit trail was not written in time", e);
        } catch (ExecutionException e) {
            if (no.evidens.pipeline.Messages.diskFull(e.getCause())) {
                throw new TrailNotWritten(e.getCause());
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Opens the store now (its schema checked, its classes loaded), so the first recorded request does not pay for it. */
    public void warm() {
        try (FindingStore store = stores.get()) {
            store.trail(chainFile);
        }
    }

    private void run() {
        FindingStore store = null;
        // kept with the store it was made on: its statements are prepared once per opening, not once per commit
        AuditTrail trail = null;
        long openedAt = 0;
        long openedAtMillis = 0;
        long givenWayAt = System.nanoTime() - MAX_GIVE_WAY.toNanos();
        long lastEntry = System.nanoTime();
        try {
            while (open || !queue.isEmpty()) {
                Pending first = queue.poll(LOOK.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (keep) {
                        continue;
                    }
                    if (store != null && (giveWayNow(openedAt, openedAtMillis) || heldTooLong(openedAt, lastEntry))) {
                        store = release(store);
                        givenWayAt = System.nanoTime();
                    } else if (store != null && System.nanoTime() - lastEntry > IDLE.toNanos()) {
                        store = release(store);
                    }
                    continue;
                }
                lastEntry = System.nanoTime();
                List<Pending> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                List<AuditEvent> events = new ArrayList<>(batch.size());
                for (Pending p : batch) {
                    events.add(p.event());
                }
                for (boolean again = true; ; ) {
                    // a connection kept to a store server that has restarted since breaks at its next statement
                    boolean kept = keep && store != null;
                    try {
                        if (store == null) {
                            if (!keep) {
                                giveWay(givenWayAt);
                            }
                            store = stores.get();
                            trail = store.trail(chainFile);
                            opened.incrementAndGet();
                            // after: while this writer itself waited for the store, it said so too
                            openedAtMillis = System.currentTimeMillis();
                            openedAt = System.nanoTime();
                        }
                        List<AuditEntry> entries = trail.recordAll(events);
                        for (int i = 0; i < batch.size(); i++) {
                            batch.get(i).done().complete(entries.get(i));
                        }
                        commits.worked();
                    } catch (RuntimeException e) {
                        store = release(store);
                        if (kept && again && StoreUnreachable.in(e)) {
                            // once more on a new connection; should the lost one have committed after all, the entries
                            // stand twice, which errs on the side of the record
                            again = false;
                            continue;
                        }
                        commits.failed(e);
                        batch.forEach(p -> p.done().completeExceptionally(e));
                    }
                    break;
                }
                if (!keep && store != null && (giveWayNow(openedAt, openedAtMillis) || System.nanoTime() - openedAt > maxBusyHold.toNanos())) {
                    store = release(store);
                    givenWayAt = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            release(store);
            IllegalStateException closed = new IllegalStateException("the audit trail's writer is closed");
            for (Pending p; (p = queue.poll()) != null; ) {
                p.done().completeExceptionally(closed);
            }
        }
    }

    /** Whether to let the store go for another process: held long enough, and one says it waits. */
    private boolean giveWayNow(long openedAt, long openedAtMillis) {
        return System.nanoTime() - openedAt > HOLD.toNanos() && waitedFor(openedAtMillis);
    }

    /** Whether the safety net lets the store go: held for the longest hold, and no entry for a lull. */
    private boolean heldTooLong(long openedAt, long lastEntry) {
        long now = System.nanoTime();
        return now - openedAt > maxHold.toNanos() && now - lastEntry > lull.toNanos();
    }

    /** How many times the store has been opened by this writer. */
    int opened() {
        return opened.get();
    }

    /** After letting the store go for a waiting process: waits until it no longer says it waits (it has the store). */
    private void giveWay(long givenWayAt) {
        while (System.nanoTime() - givenWayAt < MAX_GIVE_WAY.toNanos()) {
            long quiet = System.currentTimeMillis() - GIVE_WAY.toMillis();
            if (System.nanoTime() - givenWayAt >= GIVE_WAY.toNanos() && !waitedFor(quiet)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                // the batch in hand is written all the same; the loop ends after it
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether a process has said it waits for the store since this one took it. */
    private boolean waitedFor(long sinceMillis) {
        try {
            return Files.getLastModifiedTime(FindingStore.waitingFile(storeDir)).toMillis() >= sinceMillis;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static FindingStore release(FindingStore store) {
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the findings store: {}", e.getClass().getName());
            }
        }
        return null;
    }

    /** Writes what is waiting, then stops. */
    @Override
    public void close() {
        open = false;
        try {
            thread.join(lockWait.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
