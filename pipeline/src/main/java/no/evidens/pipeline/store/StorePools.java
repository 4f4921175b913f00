package no.evidens.pipeline.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.UserNotes;

/**
 * Whether this process keeps its connections to store servers open between pieces of work: while a web server runs in it
 * (which holds one of these from its start to its stop), every store a request opens on a store server takes a connection
 * of a {@link StorePool}, one per database, user and password; otherwise (a command, which opens a store a few times and
 * ends) each opening makes a connection of its own, as it always did. The same for the findings store and the access
 * database in a home's folders ({@link FilePool}: kept open between requests, let go for a command that waits for it). The last holder to close closes
 * the pools and with them every connection kept, so a stopped server leaves none open on the store server, nor the file.
 */
public final class StorePools implements AutoCloseable {
    private static final Object LOCK = new Object();
    /** The pools by database address and user; each knows the password its connections signed in with. */
    private static final Map<String, Kept> POOLS = new HashMap<>();
    /** The findings stores in homes' folders kept open, by folder. */
    private static final Map<Path, FilePool<FindingStore>> FOLDERS = new HashMap<>();
    /** The access databases in homes' folders kept open, by folder. */
    private static final Map<Path, FilePool<AccessStore>> ACCESS_FOLDERS = new HashMap<>();
    private static int holders;
    private boolean closed;

    private record Kept(String password, StorePool pool) {
    }

    private StorePools() {
    }

    /** Pools the store servers' connections until closed (a web server, for its life). */
    public static StorePools open() {
        synchronized (LOCK) {
            holders++;
        }
        return new StorePools();
    }

    /**
     * The pool for a database on a store server while a holder is open, else null (a new connection each time). A password
     * other than the pool's (the home's password file changed) gets a new pool; the old one is closed, so that no connection
     * signed in with the old password is taken again.
     */
    static DataSource pooled(String url, String user, String password) {
        synchronized (LOCK) {
            if (holders == 0) {
                return null;
            }
            String key = user + " " + url;
            Kept kept = POOLS.get(key);
            if (kept != null && !kept.password().equals(password)) {
                kept.pool().close();
                kept = null;
            }
            if (kept == null) {
                kept = new Kept(password, new StorePool(url, user, password));
                POOLS.put(key, kept);
            }
            return kept.pool();
        }
    }

    /**
     * The findings store in a home's folder on a kept connection while a holder is open ({@link FilePool}), else null: the
     * caller opens its own, as a command does.
     */
    static FindingStore keptInFolder(Path dir, Duration wait, UserNotes notes) {
        return kept(FOLDERS, FilePool.FINDINGS, dir, wait, notes);
    }

    /**
     * The access database in a home's folder on a kept connection while a holder is open ({@link FilePool}), else null: the
     * caller opens its own, as a command does.
     */
    static AccessStore keptAccess(Path dir, Duration wait, UserNotes notes) {
        return kept(ACCESS_FOLDERS, FilePool.ACCESS, dir, wait, notes);
    }

    private static <S extends AutoCloseable> S kept(Map<Path, FilePool<S>> pools, FilePool.Kind<S> kind, Path dir, Duration wait,
                                                    UserNotes notes) {
        FilePool<S> pool;
        synchronized (LOCK) {
            if (holders == 0) {
                return null;
            }
            pool = pools.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new FilePool<>(kind, d));
        }
        return pool.take(wait, notes);
    }

    /** Whether a holder is open: this process runs a web server, whose stores in a home's folder are kept ({@link FilePool}). */
    static boolean serving() {
        synchronized (LOCK) {
            return holders > 0;
        }
    }

    /** The kept findings store of a home's folder, or null (tests). */
    static FilePool<FindingStore> folder(Path dir) {
        synchronized (LOCK) {
            return FOLDERS.get(dir.toAbsolutePath().normalize());
        }
    }

    /** The kept access database of a home's folder, or null (tests). */
    static FilePool<AccessStore> accessFolder(Path dir) {
        synchronized (LOCK) {
            return ACCESS_FOLDERS.get(dir.toAbsolutePath().normalize());
        }
    }

    /** Connections taken from the pools and not given back yet, all databases together (tests: none is lost). */
    int inUse() {
        synchronized (LOCK) {
            return POOLS.values().stream().mapToInt(k -> k.pool().inUse()).sum();
        }
    }

    @Override
    public void close() {
        synchronized (LOCK) {
            if (closed) {
                return;
            }
            closed = true;
            if (--holders == 0) {
                POOLS.values().forEach(k -> k.pool().close());
                POOLS.clear();
                FOLDERS.values().forEach(FilePool::close);
                FOLDERS.clear();
                ACCESS_FOLDERS.values().forEach(FilePool::close);
                ACCESS_FOLDERS.clear();
            }
        }
    }
}
