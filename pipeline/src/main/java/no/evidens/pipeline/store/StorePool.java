package no.evidens.pipeline.store;

import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

import no.evidens.findings.KeptConnections;

/**
 * The connections of this process to one database of a store server, kept open between pieces of work: a web request takes
 * one and gives it back when it closes its store, instead of opening a TCP (or TLS) connection and signing in to H2 each time.
 *
 * <p>H2's own {@link JdbcConnectionPool} rather than HikariCP: it makes a new connection in the thread that asks for it, so a
 * stopped server, a refused password, an untrusted certificate or a hung server is said by the driver itself at once (or
 * after the 12 s of {@link StoreServer#networkTimeoutMs()}), as without a pool; HikariCP makes connections on a thread of
 * its own and lets a request wait its whole connection timeout for one that a stopped server never gives, and it does not
 * take H2's broken connection (error 90067, not an SQL state 08) for one to drop. H2's pool is in the H2 jar the stores
 * already use, and it takes no lock while it connects. What it lacks is added here: a kept connection broken by a store
 * server that restarted is found as it is taken (the pool rolls it back, a round trip to the server) and dropped by the
 * pool; this asks again, so the request gets a working connection (a new one once the kept ones are used up). It also
 * remembers on which connections the store's schema was found up to date ({@link KeptConnections}): read once per
 * connection, not at every opening.
 *
 * <p>Bounded at {@link #SIZE} connections in use at once: a request holds its connection for the milliseconds of its
 * statements, and the store server runs a thread for each connection of every home, so several team servers on one store
 * server each keep a handful rather than one per request at a peak. A request beyond them waits up to {@link #WAIT_SECONDS}
 * for one to come back, then is told so ({@link StoreUnreachable}: the web answers 503). Connections given back beyond the
 * bound are closed; those kept are closed when the pool is ({@link StorePools}).
 */
final class StorePool implements KeptConnections, no.evidens.access.KeptConnections {
    /** The most connections to one database in use at once in this process. */
    static final int SIZE = 8;
    /** How long a request waits for a connection when all {@link #SIZE} are in use, seconds. */
    static final int WAIT_SECONDS = 10;
    /**
     * A failed attempt that lasted this long met a server that does not answer: it waited out H2's read timeout
     * ({@link StoreServer#networkTimeoutMs()}, of which this is half), while a connection the server broke off (a restart)
     * fails at once.
     */
    private final long hungNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(StoreServer.networkTimeoutMs() / 2);
    /** The error code of H2's pool when no connection came back in time (its SQL state 08001). */
    static final int LOGIN_TIMEOUT = 8001;

    private final JdbcConnectionPool pool;
    /** The hand-outs under way, so that a server found silent by one is said at once to the next request. */
    private final StoreChecks checks = new StoreChecks(StoreChecks.hung());
    /** Whether the pool made a new connection for this thread's last request (rather than taking a kept one). */
    private final ThreadLocal<Boolean> made = ThreadLocal.withInitial(() -> false);

    StorePool(String url, String user, String password) {
        this(h2(url, user, password));
    }

    /** A pool of the connections {@code source} makes (H2's, or a test's). */
    StorePool(ConnectionPoolDataSource source) {
        this.pool = JdbcConnectionPool.create(new Making(source));
        pool.setMaxConnections(SIZE);
        pool.setLoginTimeout(WAIT_SECONDS);
    }

    /**
     * A connection of the pool, which goes back to it when closed (rolled back first: nothing uncommitted is carried over).
     * A kept one that the server broke off is dropped and the next taken; once the kept ones are used up a new one is made,
     * and its failure (the server stopped, refused the password, or does not answer) is the driver's own, said at once.
     */
    @Override
    public Connection getConnection() throws SQLException {
        // a hand-out (its round trip) already waiting seconds for the server: this request would wait as long, so it is told now
        checks.throwIfHung();
        for (int tried = 0; ; tried++) {
            made.set(false);
            long t0 = System.nanoTime();
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1 && System.nanoTime() - t0 >= hungNanos) {
                    // a kept connection whose server does not answer: not tried again, as each would wait as long
                    throw timedOut(e);
                }
                // a kept connection of a server that was stopped may also hold H2's last words of it (an I/O error its
                // thread sent as the door closed): read by the rollback as its answer, and as broken as the connection
                boolean broken = e.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1 || e.getErrorCode() == ErrorCode.IO_EXCEPTION_1;
                if (made.get() || !broken || tried > SIZE) {
                    throw e;
                }
            }
        }
    }

    private static JdbcDataSource h2(String url, String user, String password) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    /**
     * A kept connection's read timed out: H2 closes the session and says only "session closed", dropping the timeout it
     * met, which is put back here so that it is said as a server that does not answer within the network timeout.
     */
    private static SQLException timedOut(SQLException e) {
        if (StoreUnreachable.timedOut(e)) {
            return e;
        }
        SQLException said = new SQLException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
                new SocketTimeoutException("Read timed out"));
        said.addSuppressed(e);
        return said;
    }

    /** H2's data source, noting for the asking thread that a new connection was made (or tried). */
    private final class Making implements ConnectionPoolDataSource {
        private final ConnectionPoolDataSource source;

        Making(ConnectionPoolDataSource source) {
            this.source = source;
        }

        @Override
        public PooledConnection getPooledConnection() throws SQLException {
            made.set(true);
            return checks.make(source::getPooledConnection);
        }

        @Override
        public PooledConnection getPooledConnection(String user, String password) throws SQLException {
            made.set(true);
            return checks.make(() -> source.getPooledConnection(user, password));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return source.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            source.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            source.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return source.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return source.getParentLogger();
        }
    }

    @Override
    public boolean schemaChecked(Connection c) {
        return checks.schemaChecked(c);
    }

    @Override
    public void schemaCheckedNow(Connection c) {
        checks.schemaCheckedNow(c);
    }

    /** Connections in use now (taken and not given back). */
    int inUse() {
        return pool.getActiveConnections();
    }

    /** Closes the connections kept; those in use are closed as they come back. */
    void close() {
        pool.dispose();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a store pool's connections have their user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
