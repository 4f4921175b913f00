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
 * @param unconfirmed the entries of the database that the chain file does not hold (its line not written, on a full disk
 *                    or at a crash right after the entry's commit, or taken out of the file by hand), by id: the database's
 *                    own chain still checks them; empty when the file is missing (a problem of its own)
 */
public record TrailCheck(long entries, long anchored, List<String> problems, Long firstBad, List<TrailProblem> keyed,
                         List<Long> unconfirmed) {
    public TrailCheck {
        problems = List.copyOf(problems);
        keyed = List.copyOf(keyed);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /** A check whose every entry the chain file holds, or whose file is missing. */
    public TrailCheck(long entries, long anchored, List<String> problems, Long firstBad, List<TrailProblem> keyed) {
        this(entries, anchored, problems, firstBad, keyed, List.of());
    }

    /** A check whose problems are in English only. */
    public TrailCheck(long entries, long anchored, List<String> problems, Long firstBad) {
        this(entries, anchored, problems, firstBad, List.of(), List.of());
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** The unconfirmed entries' ids as runs ({@code 3}, {@code 7–9}), in order, for a reader rather than a list of numbers. */
    public List<String> unconfirmedRuns() {
        List<String> runs = new java.util.ArrayList<>();
        for (int i = 0; i < unconfirmed.size(); ) {
            int j = i;
            while (j + 1 < unconfirmed.size() && unconfirmed.get(j + 1) == unconfirmed.get(j) + 1) {
                j++;
            }
            runs.add(i == j ? String.valueOf(unconfirmed.get(i)) : unconfirmed.get(i) + "–" + unconfirmed.get(j));
            i = j + 1;
        }
        return runs;
    }
}
