package no.evidens.pipeline.store;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.h2.api.ErrorCode;

/**
 * The store server cannot be used now: it does not answer, refuses the password, or lacks the database. The English message
 * says which and what to do (for the command line and the logs); a front end words it from {@link #KEY}.
 */
public class StoreUnreachable extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The message key a front end words this with. */
    public static final String KEY = "error.store-unreachable";
    private static final Pattern UNEXPECTED_STATUS = Pattern.compile("unexpected status (-?\\d+)");

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
        String otherProtocol = otherProtocol(server, s);
        if (otherProtocol != null) {
            return new StoreUnreachable(otherProtocol, e);
        }
        return switch (s.getErrorCode()) {
            case ErrorCode.CONNECTION_BROKEN_1 -> new StoreUnreachable("the store server " + server + " does not answer"
                    + (timedOut(s) ? " within " + StoreServer.networkTimeoutMs() / 1000 + " s" : "") + " (" + rootCause(s)
                    + "): is 'evidens store serve' running there, and the port open to this machine?", e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> new StoreUnreachable("the store server " + server + " refused the password: give the"
                    + " one in the server's " + StorePassword.FILE + " (" + StorePassword.ENV + ", or " + StorePassword.FILE
                    + " in the home)", e);
            // H2's pool: every connection this process may hold to the server is in use, and none came back in time
            case StorePool.LOGIN_TIMEOUT -> new StoreBusy("all " + StorePool.SIZE + " connections of this process to " + database
                    + " on the store server " + server + " stayed in use for " + StorePool.WAIT_SECONDS + " s: the server answers slowly,"
                    + " or too much work at once; try again", e);
            case ErrorCode.DATABASE_NOT_FOUND_1, ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 -> new StoreUnreachable("the store server "
                    + server + " has no database " + database + ": is it an Evidens store server (evidens store serve)?", e);
            default -> null;
        };
    }

    /**
     * What to do when the home and the server disagree about TLS, or null when they do not: a {@code tcp://} home reading a
     * {@code --tls} server gets a TLS record where H2's first status word should be (H2 says only "unexpected status" and a
     * number, whose first byte is the record's type: 0x15 an alert, 0x16 a handshake), and an {@code ssl://} home talking to
     * a server without {@code --tls} gets no TLS record at all (the JDK's "Unsupported or unrecognized SSL message"). Both
     * look like a broken connection, which sent administrators looking for a stopped server.
     */
    private static String otherProtocol(StoreServer server, SQLException s) {
        if (s.getErrorCode() != ErrorCode.CONNECTION_BROKEN_1) {
            return null;
        }
        String plain = "tcp://" + server.host() + ":" + server.port();
        String tls = "ssl://" + server.host() + ":" + server.port();
        if (!server.tls() && tlsRecordAsStatus(s)) {
            return "the store server " + server + " speaks TLS (it runs with --tls): write " + tls + " in the home's 'store:' line"
                    + " (or --store), and trust its certificate: copy the server's " + StoreTls.CERTIFICATE + " over and run 'evidens store trust"
                    + " --cert " + StoreTls.CERTIFICATE + "'";
        }
        if (server.tls() && causes(s, SSLException.class) && rootCause(s).contains("nrecognized SSL message")) {
            return "the store server " + server + " does not speak TLS (it runs without --tls): write " + plain + " in the home's"
                    + " 'store:' line (or --store), or start the server with --tls";
        }
        return null;
    }

    /** Whether H2's client read a TLS record's header where the server's status should be. */
    private static boolean tlsRecordAsStatus(SQLException s) {
        Matcher m = null;
        for (Throwable t = s; t != null && m == null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher found = UNEXPECTED_STATUS.matcher(String.valueOf(t.getMessage()));
            m = found.find() ? found : null;
        }
        if (m == null) {
            return false;
        }
        int status;
        try {
            status = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return false;
        }
        int type = status >>> 24;
        return (type == 0x15 || type == 0x16) && ((status >>> 16) & 0xff) == 3;
    }

    private static boolean causes(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the server took the connection but did not answer in time (stopped, or a network that drops packets). */
    static boolean timedOut(Throwable e) {
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
