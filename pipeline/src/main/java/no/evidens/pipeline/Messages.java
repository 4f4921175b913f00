package no.evidens.pipeline;

import java.io.IOException;

import org.apache.camel.CamelExecutionException;

/** Errors told to a person in one line, as the command line and the web workspace report them. */
public final class Messages {
    /** The operating system's words for a full disk, as the JDK passes them on. */
    public static final String DISK_FULL = "No space left on device";

    private Messages() {
    }

    /**
     * The first line of the innermost message (or the error's simple name when there is none). A full disk is said
     * as such, wherever in the chain it is; Camel's wrapper ("Exception occurred during execution on the exchange:
     * Exchange[…]", which says nothing to a person) gives way to what it wraps.
     */
    public static String oneLine(Throwable e) {
        if (diskFull(e)) {
            return "the disk is full (" + DISK_FULL + "): free some space and run the command again";
        }
        Throwable t = e;
        while ((t.getMessage() == null || t instanceof CamelExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** Whether the error, or one it was caused by, is the operating system's full disk. */
    public static boolean diskFull(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null && c.getMessage().contains(DISK_FULL)) {
                return true;
            }
        }
        return false;
    }
}
