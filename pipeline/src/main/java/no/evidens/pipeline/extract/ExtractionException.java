package no.evidens.pipeline.extract;

/**
 * A file whose text cannot be had. The message is the {@link Reason}'s plain sentence; the library's
 * own words, if any, are kept apart in {@link #detail()} for whoever debugs.
 */
public class ExtractionException extends Exception {
    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String detail;

    public ExtractionException(Reason reason, String detail, Throwable cause) {
        super(reason.text(), cause);
        this.reason = reason;
        this.detail = detail;
    }

    public ExtractionException(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public ExtractionException(Reason reason) {
        this(reason, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The library's message or the limit that was hit, or null. */
    public String detail() {
        return detail;
    }
}
