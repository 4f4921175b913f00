package no.evidens.pipeline.ingest;

/**
 * The ingest stopped because a failed file's receipt line could not be recorded (an {@link Error} in the route's handler
 * of failures, round 52): the receipt would leave the file out. Its own type so that the web's ingest job words it in the
 * user's language ({@link #KEY}) instead of the general failure; the CLI says the message.
 */
public final class LineNotRecorded extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    /** The catalogue's key of what the web says. */
    public static final String KEY = "error.ingest.line-not-recorded";

    public LineNotRecorded(Error error) {
        super("the ingest stopped: a failed file's receipt line could not be recorded (" + error
                + "); nothing after the last commit is kept, and ingesting the bundle again reads it", error);
    }
}
