package no.evidens.findings;

/** A change refused because the finding is approved (locked until the lead reopens it) or its step is not allowed. */
public final class FindingLocked extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public FindingLocked(String message) {
        super(message);
    }
}
