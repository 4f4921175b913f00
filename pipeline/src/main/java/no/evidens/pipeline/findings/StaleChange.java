package no.evidens.pipeline.findings;

import no.evidens.pipeline.export.CaseExport.FindingOut;

/**
 * A change of a finding made on an older version than the stored one: refused, so that neither
 * person's work is lost silently. Carries the finding as it is now, for the front end to show beside
 * the change that was refused.
 */
public final class StaleChange extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final transient FindingOut current;
    private final int given;

    StaleChange(String message, FindingOut current, int given) {
        super(message);
        this.current = current;
        this.given = given;
    }

    public FindingOut current() {
        return current;
    }

    /** The version the refused change was made on. */
    public int given() {
        return given;
    }
}
