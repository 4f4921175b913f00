package no.evidens.pipeline.findings;

import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;

/**
 * What to attach: a passage, and within it (or running on to a later passage of the same document)
 * the exact span to quote.
 *
 * @param passageId        the passage the quotation starts in
 * @param throughPassageId the passage it ends in, or null for the same
 * @param start            first character (document offset), or null
 * @param end              one past the last character (document offset), or null
 * @param quote            the words to quote, copied from the passage, or null; with neither offsets nor
 *                         quote the whole passage (through the last one) is quoted
 * @param anySpan          the span was chosen in the document's text (a heading, say, between passages):
 *                         it may lie anywhere in the document, the passages only name where it stands
 */
record AttachRequest(String caseId, String passageId, String throughPassageId, Integer start, Integer end, String quote,
                            Stance stance, String note, Provenance provenance, boolean anySpan) {
}
