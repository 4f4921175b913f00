package no.evidens.findings;

import java.time.Instant;

/**
 * One change, as kept in the append-only history.
 *
 * @param findingId  the finding's id in this store, or null when it is not (or no longer) known
 * @param findingRef the finding's reference when the change was made ({@code avvik-1})
 * @param evidenceId the evidence item's id when the change was to one, else null
 * @param action     {@code create}, {@code edit}, {@code attach}, {@code detach}, {@code move}, {@code renumber},
 *                   {@code delete}, {@code import}
 * @param before     the state before, as JSON, or null
 * @param after      the state after, as JSON, or null
 */
public record HistoryEntry(long id, String caseId, Long findingId, String findingRef, Long evidenceId, String action,
                           String actor, Instant at, String before, String after) {
}
