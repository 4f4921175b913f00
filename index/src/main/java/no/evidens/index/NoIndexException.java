package no.evidens.index;

/** There is no evidence index yet where one was asked for: nothing has been ingested. */
public final class NoIndexException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoIndexException(java.nio.file.Path dir) {
        super("there is no evidence index at " + dir + ": ingest a bundle first");
    }
}
