package no.evidens.pipeline.extract;

/** A file whose text cannot be had; the message is a reason a person can read. */
public class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExtractionException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public ExtractionException(String reason) {
        super(reason);
    }
}
