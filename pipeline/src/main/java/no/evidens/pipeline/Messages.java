package no.evidens.pipeline;

/** Errors told to a person in one line, as the command line and the web workspace report them. */
public final class Messages {
    private Messages() {
    }

    /** The first line of the innermost message (or the error's simple name when there is none). */
    public static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
