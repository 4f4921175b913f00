package no.evidens.findings;

import java.time.Instant;

/** A change refused because its case is closed (read-only). */
public final class CaseClosed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String caseId;
    private final String closedBy;
    private final Instant closedAt;

    public CaseClosed(String caseId, String closedBy, Instant closedAt) {
        super("case " + caseId + " was closed by " + closedBy + " on " + closedAt.toString().substring(0, 10)
                + " and is read-only (saken er lukket og kan bare leses)");
        this.caseId = caseId;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }

    public String caseId() {
        return caseId;
    }

    public String closedBy() {
        return closedBy;
    }

    /** When it was closed (a front end writes the day in its users' zone). */
    public Instant closedAt() {
        return closedAt;
    }
}
