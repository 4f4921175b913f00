package no.evidens.pipeline.findings;

/**
 * The audit trail's line for a request could not be written because the home's disk is full: the request is refused
 * rather than answered unrecorded. The web tells this full disk apart from one met by what a request itself saves, since
 * a person who only searched or read saved nothing. Other failures of the trail keep their own exceptions.
 */
public final class TrailNotWritten extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public TrailNotWritten(Throwable cause) {
        super("the audit trail's line was not written: " + cause.getMessage(), cause);
    }
}
