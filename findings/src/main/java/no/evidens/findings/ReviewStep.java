package no.evidens.findings;

import java.util.Set;

/**
 * The review and sign-off of a finding: utkast → til gjennomgang → godkjent, and back to utkast when
 * reopened. Only the lead approves, and only the lead reopens an approved finding; an approved finding
 * is locked (no edits, quotations or deletion) until then.
 */
public enum ReviewStep {
    SUBMIT("submit", Set.of(Finding.DRAFT), Finding.IN_REVIEW, false),
    APPROVE("approve", Set.of(Finding.IN_REVIEW), Finding.APPROVED, true),
    REOPEN("reopen", Set.of(Finding.IN_REVIEW, Finding.APPROVED), Finding.DRAFT, false);

    private final String action;
    private final Set<String> from;
    private final String to;
    private final boolean leadOnly;

    ReviewStep(String action, Set<String> from, String to, boolean leadOnly) {
        this.action = action;
        this.from = from;
        this.to = to;
        this.leadOnly = leadOnly;
    }

    /** The word in the history: submit, approve, reopen. */
    public String action() {
        return action;
    }

    public String to() {
        return to;
    }

    /**
     * Checks that this step may be taken on the finding by this person.
     *
     * @throws FindingLocked when the finding's status does not allow it, or the lead must take it
     */
    void check(Finding f, boolean lead) {
        if (!from.contains(reviewStatus(f.status()))) {
            throw new FindingLocked(f.ref() + " is " + f.status() + ": it cannot be "
                    + switch (this) {
                        case SUBMIT -> "sent to review (only a draft, utkast, can)";
                        case APPROVE -> "approved (send it to review first: til gjennomgang)";
                        case REOPEN -> "reopened (it is not in review or approved)";
                    }, "review.not-from." + action(), java.util.List.of(f.ref(), f.status()));
        }
        if ((leadOnly || (this == REOPEN && Finding.APPROVED.equals(f.status()))) && !lead) {
            throw new FindingLocked("only the case's lead can " + (this == APPROVE ? "approve " : "reopen ") + f.ref(),
                    "review.lead-only." + action(), java.util.List.of(f.ref()));
        }
    }

    /** A status outside the review words (a free word from before review existed) counts as a draft. */
    private static String reviewStatus(String status) {
        return Finding.IN_REVIEW.equals(status) || Finding.APPROVED.equals(status) ? status : Finding.DRAFT;
    }
}
