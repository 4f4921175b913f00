package no.evidens.findings.trail;

import java.util.List;

/**
 * What {@link AuditTrail#verify()} found.
 *
 * @param entries   how many entries the database holds
 * @param anchored  how many of them the chain file outside the database confirms
 * @param problems  one line per entry that was changed, removed or re-chained (empty: the trail is intact)
 * @param firstBad  the id of the first entry with a problem, or null
 * @param keyed     the same problems, in the same order, as message keys and values for a front end's own words
 */
public record TrailCheck(long entries, long anchored, List<String> problems, Long firstBad, List<TrailProblem> keyed) {
    public TrailCheck {
        problems = List.copyOf(problems);
        keyed = List.copyOf(keyed);
    }

    /** A check whose problems are in English only. */
    public TrailCheck(long entries, long anchored, List<String> problems, Long firstBad) {
        this(entries, anchored, problems, firstBad, List.of());
    }

    public boolean intact() {
        return problems.isEmpty();
    }
}
