package no.evidens.findings;

/**
 * The findings store was upgraded by a newer Evidens than this one: this one changes nothing in it. The English message
 * (for the command line and the logs) names the versions; a front end words it from {@link #KEY}.
 */
public final class StoreTooNew extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The message key a front end words this with. */
    public static final String KEY = "error.store-too-new";

    public StoreTooNew(String message) {
        super(message);
    }
}
