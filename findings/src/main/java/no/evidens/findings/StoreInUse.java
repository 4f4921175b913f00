package no.evidens.findings;

/**
 * The findings store is held by another process (a command still running): the change can be tried again
 * shortly. The English message names the store's folder (for the command line and the logs); a front end
 * words it from {@link #KEY} without the folder.
 */
public final class StoreInUse extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The message key a front end words this with. */
    public static final String KEY = "error.store-in-use";

    public StoreInUse(String message, Throwable cause) {
        super(message, cause);
    }
}
