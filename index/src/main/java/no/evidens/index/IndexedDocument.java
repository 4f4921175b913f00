package no.evidens.index;

import java.util.List;

/**
 * A whole document as indexed: its normalised text, against which every passage offset is cited.
 *
 * @param docId      id within the case (derived from the content hash)
 * @param caseId     the audit case
 * @param file       path of the file inside its bundle
 * @param type       document type
 * @param title      document title
 * @param sha256     hex SHA-256 of the source file's bytes
 * @param mediaType  detected media type
 * @param text       the normalised text
 * @param pageStarts offsets into {@code text} where pages 1, 2, … begin (first is 0)
 * @param normaliserVersion the version of the normalisation that made {@code text}, or null for a
 *                   document indexed before versions were recorded
 */
public record IndexedDocument(String docId, String caseId, String file, String type, String title, String sha256,
                              String mediaType, String text, List<Integer> pageStarts, String normaliserVersion) {
    public IndexedDocument {
        pageStarts = List.copyOf(pageStarts);
    }

    /** A document whose normalisation version is not known. */
    public IndexedDocument(String docId, String caseId, String file, String type, String title, String sha256,
                           String mediaType, String text, List<Integer> pageStarts) {
        this(docId, caseId, file, type, title, sha256, mediaType, text, pageStarts, null);
    }

    public int pages() {
        return pageStarts.size();
    }
}
