package no.evidens.pipeline.ingest;

import java.util.Map;

/**
 * A document as the stages after normalising know it: who it is and how it is indexed, without its extraction. The
 * extraction (the text as Tika gave it, and the texts of any documents inside it) is let go once the text is
 * normalised: carried with the document to its last stage, it was one more copy of a huge text in the heap while the
 * normalised text was tagged and indexed (round 51).
 *
 * @param path      path in the bundle, with {@code !/} before each step into a container
 * @param type      document type
 * @param sha256    hex SHA-256 of its bytes, or null
 * @param docId     the document's id in its case
 * @param title     the title it is indexed under ({@link DocumentWork#indexTitle()})
 * @param mediaType the media type detected from its content
 * @param facets    its facets (kommune, tjeneste, år), in the order they were found
 */
record DocumentRef(String path, String type, String sha256, String docId, String title, String mediaType,
                   Map<String, String> facets) {
}
