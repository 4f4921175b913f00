package no.evidens.pipeline.store;

import java.sql.SQLException;

import org.h2.api.ErrorCode;

/**
 * The store server cannot be used now: it does not answer, refuses the password, or lacks the database. The English message
 * says which and what to do (for the command line and the logs); a front end words it from {@link #KEY}.
 */
public final class StoreUnreachable extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The message key a front end words this with. */
    public static final String KEY = "error.store-unreachable";

    StoreUnreachable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether a failure is the store server's: this exception, or a broken connection to it found in the middle of the work
     * (the server stopped after the store was opened).
     */
    public static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnreachable || t instanceof SQLException s && s.getErrorCode() == ErrorCode.CONNECTION_BROKEN_1) {
                return true;
            }
        }
        return false;
    }

    /** The driver's error behind a failure to open a store on the server, or null. */
    static SQLException sql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /**
     * The failure to open a database on the server said for a person: which server, what went wrong, what to do; null when
     * it is not the server's (a schema newer than this Evidens, a full disk on the server), which keeps its own message.
     */
    static StoreUnreachable of(StoreServer server, String database, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreTls.Untrusted u) {
                return new StoreUnreachable(u.getMessage(), e);
            }
        }
        SQLException s = sql(e);
        if (s == null) {
            return null;
        }
        return switch (s.getErrorCode()) {
            case ErrorCode.CONNECTION_BROKEN_1 -> new StoreUnreachable("the store server " + server + " does not answer"
                    + (timedOut(s) ? " within " + StoreServer.NETWORK_TIMEOUT_MS / 1000 + " s" : "") + " (" + rootCause(s)
                    + "): is 'evidens store serve' running there, and the port open to this machine?", e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> new StoreUnreachable("the store server " + server + " refused the password: give the"
                    + " one in the server's " + StorePassword.FILE + " (" + StorePassword.ENV + ", or " + StorePassword.FILE
                    + " in the home)", e);
            case ErrorCode.DATABASE_NOT_FOUND_1, ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 -> new StoreUnreachable("the store server "
                    + server + " has no database " + database + ": is it an Evidens store server (evidens store serve)?", e);
            default -> null;
        };
    }

    /** Whether the server took the connection but did not answer in time (stopped, or a network that drops packets). */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** What the network said ({@code Connection refused}, {@code connect timed out}) rather than the driver's wrapping of it. */
    private static String rootCause(SQLException s) {
        Throwable t = s;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
