package no.evidens.pipeline.store;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

import org.h2.api.ErrorCode;

/**
 * The checks a pool's connections are under as they are handed out (H2's pool rolls a kept connection back: a round trip to
 * the store server; a new one connects and signs in), and how long the oldest has waited. A check takes milliseconds on a
 * server that answers; one still waiting after {@link #hung()} means a server that has stopped answering, and then the next
 * request is told so at once instead of waiting out the 12 s network time-out as well (the workspace then remembers it).
 *
 * <p>Why this and not {@code Connection.isValid} as a connection is taken: the pool's rollback is already that round trip,
 * so watching it costs the healthy path nothing but two map writes, while an extra check would add a round trip per request.
 */
final class StoreChecks {
    /**
     * How long a check may wait before the server is taken for hung: a third of the network time-out, far above what a
     * rollback or a sign-in takes even on a loaded machine (under a second in round 52's walks at load 41).
     */
    static Duration hung() {
        return Duration.ofMillis(StoreServer.networkTimeoutMs() / 3);
    }

    private final long hungNanos;
    /** The checks under way: when each began (nanoTime). */
    private final Map<Object, Long> underWay = new ConcurrentHashMap<>();
    /** The handles handed out, each to its physical connection (weakly: a handle given back and dropped goes too). */
    private final Map<Connection, Watched> handedOut = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    StoreChecks(Duration hung) {
        this.hungNanos = hung.toNanos();
    }

    /**
     * Throws, as H2 says a connection that timed out, when a check under way has waited {@link #hung()} or longer: a new
     * request would only wait behind the same silent server.
     */
    void throwIfHung() throws SQLException {
        long now = System.nanoTime();
        for (long since : underWay.values()) {
            long waited = now - since;
            if (waited >= hungNanos) {
                throw new SQLException("Connection is broken: another connection to the store server has waited "
                        + Duration.ofNanos(waited).toMillis() + " ms for its answer", "08006", ErrorCode.CONNECTION_BROKEN_1,
                        new SocketTimeoutException("another connection's check has had no answer for "
                                + Duration.ofNanos(waited).toMillis() + " ms"));
            }
        }
    }

    /** A new connection of H2's, its making (the connect and sign-in) watched, and later each hand-out (the rollback). */
    PooledConnection make(Making making) throws SQLException {
        Object check = new Object();
        underWay.put(check, System.nanoTime());
        try {
            return new Watched(making.make());
        } finally {
            underWay.remove(check);
        }
    }

    /** The driver's making of one connection. */
    @FunctionalInterface
    interface Making {
        PooledConnection make() throws SQLException;
    }

    /**
     * Whether the store's schema was found up to date on the physical connection behind a handle this handed out (the
     * pool's hand-out makes a new handle each time, on the same physical connection).
     */
    boolean schemaChecked(Connection handle) {
        Watched w = handedOut.get(handle);
        return w != null && w.schemaChecked;
    }

    /** Notes that the store's schema was found up to date on the physical connection behind {@code handle}. */
    void schemaCheckedNow(Connection handle) {
        Watched w = handedOut.get(handle);
        if (w != null) {
            w.schemaChecked = true;
        }
    }

    private final class Watched implements PooledConnection {
        private final PooledConnection inner;
        /** Whether the schema was found up to date on this connection (then not read again while it is kept). */
        private volatile boolean schemaChecked;
        /** The pool's listeners, each relayed with this connection as the event's source (the pool recycles the source). */
        private final Map<ConnectionEventListener, ConnectionEventListener> relays = new ConcurrentHashMap<>();

        Watched(PooledConnection inner) {
            this.inner = inner;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Object check = new Object();
            underWay.put(check, System.nanoTime());
            try {
                Connection handle = inner.getConnection();
                handedOut.put(handle, this);
                return handle;
            } finally {
                underWay.remove(check);
            }
        }

        @Override
        public void close() throws SQLException {
            inner.close();
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            ConnectionEventListener relay = new ConnectionEventListener() {
                @Override
                public void connectionClosed(ConnectionEvent event) {
                    listener.connectionClosed(new ConnectionEvent(Watched.this));
                }

                @Override
                public void connectionErrorOccurred(ConnectionEvent event) {
                    listener.connectionErrorOccurred(new ConnectionEvent(Watched.this, event.getSQLException()));
                }
            };
            relays.put(listener, relay);
            inner.addConnectionEventListener(relay);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            ConnectionEventListener relay = relays.remove(listener);
            if (relay != null) {
                inner.removeConnectionEventListener(relay);
            }
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            inner.addStatementEventListener(listener);
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            inner.removeStatementEventListener(listener);
        }
    }
}
