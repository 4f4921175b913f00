package no.evidens.findings;

/** A change made on an older version of a finding than the one stored: someone else changed it in between. */
public final class StaleFinding extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient Finding current;
    private final int given;

    public StaleFinding(Finding current, int given) {
        super(current.ref() + " was changed by " + current.updatedBy() + " in between: the change was made on version " + given
                + ", the finding is at version " + current.version() + " now");
        this.current = current;
        this.given = given;
    }

    /** The finding as stored now. */
    public Finding current() {
        return current;
    }

    /** The version the change was made on. */
    public int given() {
        return given;
    }
}
