package no.evidens.pipeline.ingest;

/**
 * An ingestion that was asked to stop ({@link Ingestion#stopWhen}: its process is being stopped) and stopped at a file
 * boundary: the files already begun were finished and committed, the rest not read. No receipt is written (it would
 * leave out files the bundle has); ingesting the bundle again goes on from there, the files done coming out as
 * duplicates.
 */
public final class IngestionStopped extends Exception {
    private static final long serialVersionUID = 1L;

    private final int done;
    private final int total;

    IngestionStopped(int done, int total) {
        super("stopped after " + done + " of " + total + " files (those are saved)");
        this.done = done;
        this.total = total;
    }

    /** The bundle's files done and committed before the stop. */
    public int done() {
        return done;
    }

    /** The bundle's files. */
    public int total() {
        return total;
    }
}
