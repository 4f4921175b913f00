package no.evidens.pipeline.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.h2.jdbcx.JdbcConnectionPool;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.UserNotes;

/**
 * A store in a home's folder kept open between a web server's requests, and let go when a command in another process waits
 * for it: the findings store (one auditor on a laptop) and the access database (a team server's sessions and roles, read
 * at nearly every signed-in request), each with a pool of its own ({@link Kind}).
 *
 * <p>Why: H2 in file mode closes the database when its last connection closes and opens it again at the next, so each
 * request that touched the store paid the opening (the file, its lock, its chunks read) and the closing (H2 compacts the file
 * as it closes it), besides the schema check. Here the first request opens the store as ever ({@link FindingStore#open},
 * {@link AccessStore#open}, which bring the schema up to date) and that store is kept, the <em>anchor</em>: while it is
 * open the database stays open in this process and no other process can open the file, so the schema read then holds, and
 * the requests take connections of H2's own {@link JdbcConnectionPool} on it (a new session on an open database at most,
 * no schema read).
 *
 * <p>A command beside the server (another process) cannot open the file while it is held, and waits up to a minute; it
 * says so by touching the store's waiting file every 20–100 ms while it waits (as for the trail's writer). The
 * keeper looks every {@link #LOOK}, and each request as it takes a connection: once someone says they wait, the pool and
 * the anchor are closed (connections in use close as they come back) and requests open their own stores as before, until
 * nobody has said they wait for {@link #GIVE_WAY} (or {@link #MAX_GIVE_WAY} at most), so the command gets its turn. The
 * store is also let go after {@link #IDLE} without a request, so that a process that cannot say it waits is not kept out
 * for longer, and H2 compacts the file. Nothing is held back from the file: every commit is written at once
 * ({@code WRITE_DELAY=0} in the stores' file addresses), kept connections or not.
 *
 * <p>Each letting go starts a new <em>hold</em>: what a request read on a kept connection is known to be what the file
 * holds for as long as the hold it was read in lasts ({@link #stillHeld}), which the access database's readers use to
 * forget a session or a user's roles at once when a command may have changed them.
 *
 * @param <S> the store
 */
final class FilePool<S extends AutoCloseable> {
    /** How long the store is kept open without a request. */
    static final Duration IDLE = Duration.ofSeconds(5);
    /** How often the keeper looks whether a process waits for the store, or the pool has been idle. */
    static final Duration LOOK = Duration.ofMillis(100);
    /** Once let go for a waiting process, kept connections are not taken again until nobody has said they wait for this long... */
    static final Duration GIVE_WAY = Duration.ofMillis(300);
    /** ... or after this long at most. */
    static final Duration MAX_GIVE_WAY = Duration.ofSeconds(3);
    /** The most connections kept (one auditor's requests rarely use more than two at once; a team's, a few). */
    static final int SIZE = 8;

    /**
     * What a pool keeps: how its store is opened (the anchor), where its file and its waiting file are, and how a store is
     * made on a kept connection.
     *
     * @param name        for the keeper's thread and the log: {@code findings}, {@code access}
     * @param opener      opens the anchor as a command would, bringing the schema up to date (an upgrade made is said in
     *                    the notes)
     * @param fileUrl     the JDBC address of the store's file
     * @param user        the JDBC user of the store's file
     * @param waitingFile where a waiting command says it waits
     * @param onKept      a store on a kept connection, told whether the hold it was taken in lasts
     */
    record Kind<S>(String name, Opener<S> opener, Function<Path, String> fileUrl, String user,
                   Function<Path, Path> waitingFile, KeptStore<S> onKept) {
    }

    /** Opens a store's anchor. */
    @FunctionalInterface
    interface Opener<S> {
        S open(Path dir, Duration wait, UserNotes notes);
    }

    /** Makes a store on a kept connection. */
    @FunctionalInterface
    interface KeptStore<S> {
        S on(Path dir, Connection c, BooleanSupplier held);
    }

    /** The findings store's kind. */
    static final Kind<FindingStore> FINDINGS = new Kind<>("findings", (dir, wait, notes) -> {
        FindingStore anchor = FindingStore.open(dir, wait);
        // said once, by the process that upgraded the home's store, as HomeStores says an opening's
        anchor.upgrade().ifPresent(u -> notes.say(u.describe()));
        return anchor;
    }, FindingStore::fileUrl, FindingStore.FILE_USER, FindingStore::waitingFile,
            (dir, c, held) -> FindingStore.whileHeld(dir, c));

    /** The access database's kind. */
    static final Kind<AccessStore> ACCESS = new Kind<>("access", (dir, wait, notes) -> {
        AccessStore anchor = AccessStore.open(dir, wait);
        anchor.upgrade().ifPresent(u -> notes.say(u.describe()));
        return anchor;
    }, AccessStore::fileUrl, AccessStore.FILE_USER, AccessStore::waitingFile,
            (dir, c, held) -> AccessStore.whileHeld(c, held));

    private final Kind<S> kind;
    private final Path dir;
    private final Path waiting;
    private final ScheduledExecutorService keeper;
    /** The store kept open and the pool on it, or null. */
    private Held<S> held;
    /** The hold now: counted up each time the store is let go. */
    private volatile long hold;
    /** When a connection was last taken (nanoTime). */
    private long lastTaken;
    /** When the store was let go for a waiting process (nanoTime), or 0 when not giving way. */
    private long gaveWayAt;
    private boolean closed;

    private record Held<S>(S anchor, JdbcConnectionPool pool, long sinceMillis) {
    }

    FilePool(Kind<S> kind, Path dir) {
        this.kind = kind;
        this.dir = dir.toAbsolutePath().normalize();
        this.waiting = kind.waitingFile().apply(this.dir);
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evidens-" + kind.name() + "-keeper");
            t.setDaemon(true);
            return t;
        });
        keeper.scheduleWithFixedDelay(this::look, LOOK.toMillis(), LOOK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The store on a kept connection, or null when it is not to be kept now (closed, or giving way to a waiting process): the
     * caller then opens a store of its own, which waits for the file as ever.
     *
     * @param wait  how long the first opening waits for a file another process holds
     * @param notes where the upgrade of the store, if this opening made one, is said (the home's)
     */
    S take(Duration wait, UserNotes notes) {
        JdbcConnectionPool pool;
        long takenIn;
        synchronized (this) {
            if (closed || givingWay()) {
                return null;
            }
            if (held != null && waitedFor(held.sinceMillis())) {
                letGo(true);
                return null;
            }
            if (held == null) {
                S anchor = kind.opener().open(dir, wait, notes);
                JdbcConnectionPool p = JdbcConnectionPool.create(kind.fileUrl().apply(dir), kind.user(), "");
                p.setMaxConnections(SIZE);
                // all in use: the request opens its own connection after a second rather than wait H2's default 30 s
                p.setLoginTimeout(1);
                held = new Held<>(anchor, p, System.currentTimeMillis());
            }
            lastTaken = System.nanoTime();
            pool = held.pool();
            takenIn = hold;
        }
        try {
            return kind.onKept().on(dir, pool.getConnection(), () -> stillHeld(takenIn));
        } catch (SQLException | IllegalStateException e) {
            // the keeper let the store go meanwhile (H2: "Connection pool has been disposed"), or all SIZE are in use: the
            // caller's own opening says any real failure in its words
            return null;
        }
    }

    /** The keeper's look: lets the store go for a process that says it waits, or after {@link #IDLE} without a request. */
    private synchronized void look() {
        if (held == null) {
            return;
        }
        if (waitedFor(held.sinceMillis())) {
            letGo(true);
        } else if (System.nanoTime() - lastTaken > IDLE.toNanos()) {
            letGo(false);
        }
    }

    /** Whether a process said it waits for the store since {@code sinceMillis}. */
    private boolean waitedFor(long sinceMillis) {
        try {
            return Files.getLastModifiedTime(waiting).toMillis() >= sinceMillis;
        } catch (IOException e) {
            return false; // no file: nobody has waited yet
        }
    }

    /** Whether the store was let go for a process that may still wait for it. */
    private boolean givingWay() {
        if (gaveWayAt == 0) {
            return false;
        }
        long now = System.nanoTime();
        boolean stillSaid = waitedFor(System.currentTimeMillis() - GIVE_WAY.toMillis());
        if (now - gaveWayAt < MAX_GIVE_WAY.toNanos() && (stillSaid || now - gaveWayAt < GIVE_WAY.toNanos())) {
            return true;
        }
        gaveWayAt = 0;
        return false;
    }

    /**
     * Whether the store has been kept open without a break since the hold {@code takenIn}: then no other process can have
     * changed it since.
     */
    boolean stillHeld(long takenIn) {
        return hold == takenIn;
    }

    private void letGo(boolean forWaiting) {
        // from now on another process may change the file: what was read in the hold that ends is no longer known to be so
        hold++;
        // the kept connections close now, those in use as they come back; the anchor's last: the database closes with the last
        Held<S> h = held;
        held = null;
        h.pool().dispose();
        try {
            h.anchor().close();
        } catch (Exception e) {
            // a connection H2 could not close cleanly (a full disk): let go all the same, the next request opens anew
            org.slf4j.LoggerFactory.getLogger(FilePool.class).warn("the {} store kept open was let go with an error: {}", kind.name(),
                    e.getMessage());
        }
        if (forWaiting) {
            gaveWayAt = System.nanoTime();
        }
    }

    /** Whether the store is kept open now (tests). */
    synchronized boolean holding() {
        return held != null;
    }

    /** Lets the store go and stops the keeper (the web server stops). */
    void close() {
        synchronized (this) {
            closed = true;
            if (held != null) {
                letGo(false);
            }
        }
        keeper.shutdownNow();
    }
}
