package no.evidens.index;

/** There is no evidence index yet where one was asked for: nothing has been ingested. */
public final class NoIndexException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoIndexException(java.nio.file.Path dir) {
        this(dir.toString());
    }

    /** No index at {@code where}: a folder, or a SolrCloud collection (another engine's index). */
    public NoIndexException(String where) {
        super("there is no evidence index at " + where + ": ingest a bundle first");
    }
}
