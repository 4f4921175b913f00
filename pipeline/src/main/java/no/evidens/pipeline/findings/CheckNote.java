package no.evidens.pipeline.findings;

import java.time.Instant;

/**
 * What is said where a case is exported of its last check of quotations: when it was, how it went, and whether a bundle
 * brought new content into the case after it began (its outcome may then be out of date).
 *
 * @param last     the case's last finished check, or null when it has not been checked
 * @param ingested when a bundle that indexed a document was last ingested into the case after the check began, or null
 * @param added    how many of the case's quotations now were not in the last check (attached after it)
 * @param failed   a check that failed after the last finished one (or when none has finished), or null
 */
public record CheckNote(LastCheck last, Instant ingested, int added, FailedCheck failed) {
    public CheckNote(LastCheck last, Instant ingested, int added) {
        this(last, ingested, added, null);
    }

    public boolean checked() {
        return last != null;
    }

    /** Whether a bundle brought new content into the case after the last check began. */
    public boolean beforeIngestion() {
        return last != null && ingested != null && ingested.isAfter(last.startedAt());
    }
}
