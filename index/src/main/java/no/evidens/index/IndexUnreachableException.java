package no.evidens.index;

import java.io.IOException;
import java.util.Optional;

/**
 * The evidence index is there but does not answer now (on SolrCloud: no node, or no ZooKeeper, answered in the while
 * given): a failure of the service, not of the request, so the web answers it 503 and the person may try again later.
 */
public final class IndexUnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What a look at the cluster found that made it refuse, or null (not serialised: a record of the moment). */
    private final transient IndexHealth health;

    public IndexUnreachableException(String message, Throwable cause) {
        super(message, cause);
        this.health = null;
    }

    private IndexUnreachableException(String message, IndexHealth health) {
        super(message);
        this.health = health;
    }

    /** Refused at the door: a look at the cluster found {@code health}, under which no ingestion should start. */
    public static IndexUnreachableException found(String message, IndexHealth health) {
        return new IndexUnreachableException(message, health);
    }

    /** What the look found, when this failure, or one it was caused by, came from one. */
    public static Optional<IndexHealth> healthIn(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IndexUnreachableException u && u.health != null) {
                return Optional.of(u.health);
            }
        }
        return Optional.empty();
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
