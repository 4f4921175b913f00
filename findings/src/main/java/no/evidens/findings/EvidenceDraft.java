package no.evidens.findings;

/**
 * An evidence item about to be attached: an exact quoted span of one indexed document.
 *
 * @param passageId     the passage the span starts in ({@code case/docId/n})
 * @param lastPassageId the passage it ends in (the same, or a later one of the same document)
 * @param docId         the document
 * @param start         first character: an index into the document's normalised text
 * @param end           one past the last character
 * @param quote         exactly {@code documentText.substring(start, end)}
 * @param title         the document's title (may be empty)
 * @param file          the file's path inside its bundle
 * @param type          document type
 * @param page          the page the span starts on
 * @param endPage       the page it ends on
 * @param sha256        hex SHA-256 of the source file's bytes
 * @param sourceBundle  the bundle (folder or .zip) the file was ingested from, or null when unknown
 * @param normaliserVersion the version of the normalisation of the text the offsets point into, or null when
 *                      not recorded (quotations made before it was)
 */
public record EvidenceDraft(String passageId, String lastPassageId, String docId, int start, int end, String quote,
                            String title, String file, String type, int page, int endPage, String sha256,
                            String sourceBundle, Stance stance, String note, Provenance provenance, String normaliserVersion) {
    public EvidenceDraft {
        if (start < 0 || end <= start) {
            throw new FindingsRefusal("attach.span-empty", "an empty or negative span " + start + "–" + end, start, end);
        }
        if (quote == null || quote.length() != end - start) {
            throw new FindingsRefusal("error.quotation.offsets", "the quotation does not match its offsets " + start + "–" + end, start, end);
        }
        if (stance == null) {
            stance = Stance.SUPPORTS;
        }
        if (provenance == null) {
            provenance = Provenance.none();
        }
    }

    /** A quotation whose normaliser version is not known. */
    public EvidenceDraft(String passageId, String lastPassageId, String docId, int start, int end, String quote,
                         String title, String file, String type, int page, int endPage, String sha256,
                         String sourceBundle, Stance stance, String note, Provenance provenance) {
        this(passageId, lastPassageId, docId, start, end, quote, title, file, type, page, endPage, sha256, sourceBundle,
                stance, note, provenance, null);
    }
}
