package no.evidens.findings;

import java.time.Instant;

/**
 * An evidence item as stored: attached to one finding at one position (1, 2, …).
 *
 * @param id the store's id, stable while the item lives (commands name items by it)
 */
public record EvidenceItem(long id, long findingId, int position, EvidenceDraft evidence, String addedBy, Instant addedAt) {
}
