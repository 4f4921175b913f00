package no.evidens.pipeline.store;

/**
 * Every connection this process may hold to a database on the store server was in use for the pool's whole wait: the server
 * answers, but this process asked more of it at once than its pool allows ({@link StorePool}). Told as busy, not as a server
 * that is down: a client should simply try again in a few seconds, and nothing is to be remembered as an outage.
 */
public final class StoreBusy extends StoreUnreachable {
    private static final long serialVersionUID = 1L;

    /** The message key a front end words this with. */
    public static final String KEY = "error.store-busy";

    public StoreBusy(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a failure is a full pool (this exception, anywhere among the causes). */
    public static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreBusy) {
                return true;
            }
        }
        return false;
    }
}
