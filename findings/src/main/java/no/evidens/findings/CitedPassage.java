package no.evidens.findings;

/**
 * A passage of the evidence index as it is cited: where it stands in its document.
 *
 * @param number the passage's number within its document (the last part of {@code case/docId/n})
 * @param start  first character in the document's normalised text
 * @param end    one past the last character
 */
public record CitedPassage(String passageId, String caseId, String docId, int number, String file, String type, String title,
                           int page, int start, int end, String text) {
}
