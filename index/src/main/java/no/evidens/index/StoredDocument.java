package no.evidens.index;

import java.util.List;
import java.util.Map;

/**
 * A document as the index holds it, with the passages it holds for it: what a re-tagging in place starts from (the text
 * is not read again from its file, so every offset a quotation cites stays where it was).
 *
 * @param document the document's entry: its normalised text and page map as stored
 * @param facets   its document facets as its passages carry them ({@code kommune}, {@code tjeneste}, {@code år},
 *                 {@code dato}; lower case, as the index keeps them); empty when it has no passage
 * @param passages its passages as stored, in document order
 */
public record StoredDocument(IndexedDocument document, Map<String, String> facets, List<Passage> passages) {
    public StoredDocument {
        facets = Map.copyOf(facets);
        passages = List.copyOf(passages);
    }

    /**
     * Which document: enough to list a case's documents without reading their texts.
     *
     * @param caseId the case
     * @param docId  the document's id in it
     * @param file   its path in its bundle
     */
    public record Entry(String caseId, String docId, String file) {
    }

    /**
     * What one read of several documents gave ({@link EvidenceSink#storedFirst}).
     *
     * @param read      how many of the entries asked it read, from the first
     * @param documents those of them still in the index, in the order asked
     */
    public record Read(int read, List<StoredDocument> documents) {
        public Read {
            documents = List.copyOf(documents);
        }
    }
}
