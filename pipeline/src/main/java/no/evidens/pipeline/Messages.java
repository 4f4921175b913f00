package no.evidens.pipeline;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

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
        // a wrapper made of its cause alone (new UncheckedIOException(e)) has the cause's class name for its message
        while (t.getCause() != null && (t.getMessage() == null || t instanceof CamelExecutionException
                || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String m = t instanceof FileSystemException f && f.getReason() == null && f.getFile() != null ? fileSystem(f)
                : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * A file the operating system refused, in words: the JDK's message of these is the path alone ({@code evidens: /proc/nope}
     * said nothing of what went wrong).
     */
    private static String fileSystem(FileSystemException f) {
        String file = f.getFile() + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")");
        if (f instanceof NoSuchFileException) {
            return "no such file or folder: " + file;
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied: " + file;
        }
        if (f instanceof FileAlreadyExistsException) {
            return "already there: " + file;
        }
        return "the file system refused " + file;
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
