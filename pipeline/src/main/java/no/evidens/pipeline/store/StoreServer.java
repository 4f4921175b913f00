package no.evidens.pipeline.store;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The address of a store server ({@code evidens store serve}): H2's TCP server, which keeps the findings store and the access
 * database of every home that names it, as {@value #FINDINGS} and {@value #ACCESS}. Written {@code tcp://host:port}, or
 * {@code host:port}, or {@code host} (port {@value #DEFAULT_PORT}); {@code ssl://host:port} for one that speaks TLS
 * ({@code store serve --tls}).
 *
 * @param tls whether it is reached by TLS ({@code ssl://})
 */
public record StoreServer(String host, int port, boolean tls) {
    public static final int DEFAULT_PORT = 9092;
    /** The findings store's database on the server. */
    public static final String FINDINGS = "evidens-findings";
    /** The access database's (accounts, sessions, memberships) on the server. */
    public static final String ACCESS = "evidens-access";
    /**
     * The user every home connects as: it may read and write the rows of the databases' tables and nothing more (no tables,
     * triggers, users or Java functions made or dropped), so that a home's password cannot run code in the server's process
     * or undo the trail's append-only trigger. The store server makes it, and sets its password, at every start.
     */
    public static final String USER = "evidens";
    /**
     * The databases' administrator: the store server itself (it brings the schema up to date at its start), and a home's
     * copying of the databases as SQL ({@code backup}, {@code store move-to-server}), which H2 allows administrators only.
     */
    public static final String ADMIN_USER = "evidens_admin";
    /**
     * How long a connection waits for a row another process holds locked, in milliseconds: the trail's head row is held for
     * the few milliseconds of an append; ten seconds is a server in trouble, and the change is tried again.
     */
    static final int LOCK_TIMEOUT_MS = 10_000;
    /**
     * How long a connection waits for the server's answer to one request, in milliseconds, unless
     * {@link #NETWORK_TIMEOUT_PROPERTY} says otherwise. H2's client sets it as the socket's read timeout
     * ({@code NETWORK_TIMEOUT}; it ignores {@code Connection.setNetworkTimeout}): without it a server that was stopped
     * (SIGSTOP) or a network that drops packets leaves a command or a web request waiting for ever. Longer than the lock
     * timeout, so a request waiting for a row another home holds gets the lock timeout's error, not this one; the server
     * answers a long result in pieces (its fetch size), so no single answer takes this long on a working server.
     */
    static final int NETWORK_TIMEOUT_MS = 12_000;
    /**
     * System property of a process that waits another time than {@link #NETWORK_TIMEOUT_MS} for a store server's answer, in
     * milliseconds: not set by the launcher. The tests of a hung server set it short, so as not to wait out 12 s in each case;
     * below {@link #LOCK_TIMEOUT_MS} a request waiting for a row another home holds would be said as a server that does not
     * answer. Read at each use, so that a test can set it and take it away again.
     */
    public static final String NETWORK_TIMEOUT_PROPERTY = "evidens.store.networkTimeoutMs";

    /** How long a connection waits for the server's answer to one request now, in milliseconds. */
    static int networkTimeoutMs() {
        String set = System.getProperty(NETWORK_TIMEOUT_PROPERTY);
        if (set == null) {
            return NETWORK_TIMEOUT_MS;
        }
        try {
            int ms = Integer.parseInt(set.strip());
            if (ms >= 1) {
                return ms;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(NETWORK_TIMEOUT_PROPERTY + "=" + set + ": the wait for a store server's answer is a"
                + " whole number of milliseconds, at least 1");
    }

    /** A server reached without TLS (tcp://). */
    public StoreServer(String host, int port) {
        this(host, port, false);
    }

    public StoreServer {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a store server needs a host: write it like tcp://archive.example:9092");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the store server's port " + port + " is not a port (1-65535)");
        }
    }

    /**
     * Reads an address: {@code tcp://host:port}, {@code host:port} or {@code host}.
     *
     * @throws IllegalArgumentException for anything else, naming what is wrong
     */
    public static StoreServer parse(String address) {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) {
            throw new IllegalArgumentException("the store server's address is empty: write it like tcp://archive.example:9092");
        }
        URI uri;
        try {
            uri = new URI(a.contains("://") ? a : "tcp://" + a);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + a + "' is not a store server's address: write it like tcp://archive.example:9092", e);
        }
        boolean tls = "ssl".equalsIgnoreCase(uri.getScheme());
        if (!tls && !"tcp".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("'" + a + "': a store server is reached by tcp:// or ssl:// (H2's TCP server, evidens"
                    + " store serve), not " + uri.getScheme() + "://");
        }
        if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))
                || uri.getQuery() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + a + "' is not a store server's address: write it like tcp://archive.example:9092"
                    + " (no user, password or database in it)");
        }
        return new StoreServer(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), tls);
    }

    /** The JDBC address of one of the server's databases ({@link #FINDINGS}, {@link #ACCESS}). */
    public String url(String database) {
        return "jdbc:h2:" + scheme() + "://" + host + ":" + port + "/" + database + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS
                + ";NETWORK_TIMEOUT=" + networkTimeoutMs();
    }

    @Override
    public String toString() {
        return scheme() + "://" + host + ":" + port;
    }

    private String scheme() {
        return tls ? "ssl" : "tcp";
    }
}
