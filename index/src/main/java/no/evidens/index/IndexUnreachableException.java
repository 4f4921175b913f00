package no.evidens.index;

import java.io.IOException;

/**
 * The evidence index is there but does not answer now (on SolrCloud: no node, or no ZooKeeper, answered in the while
 * given): a failure of the service, not of the request, so the web answers it 503 and the person may try again later.
 */
public final class IndexUnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    public IndexUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether this failure, or one it was caused by, is an index not answering. */
    public static boolean in(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IndexUnreachableException) {
                return true;
            }
        }
        return false;
    }
}
