package no.evidens.pipeline.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexedDocument;

/**
 * A whole indexed document with where a query matches in it (offsets of its text), as
 * {@code evidens document} and the web workspace's reader show it.
 *
 * @param marks        the query's matches, none without a query
 * @param newerVersion when a corrected bundle replaced this document's file, the document that holds its newest
 *                     version; else null (and not written)
 */
public record MarkedDocument(IndexedDocument document, List<EvidenceIndex.Mark> marks,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                             Newer newerVersion) {
    /**
     * The newest version of a replaced document.
     *
     * @param docId its document id in the same case
     * @param file  its path in the bundle (the same path as the earlier version's)
     */
    public record Newer(String docId, String file) {
    }

    /** The newest version of {@code docId} in the case, when a corrected bundle replaced it; else null. */
    public static Newer newerVersion(EvidenceIndex searcher, String caseId, String docId) {
        return CurrentVersions.newerVersion(searcher, caseId, docId).map(r -> new Newer(r.by(), r.file())).orElse(null);
    }

    /**
     * The document of the case, marked where the query matches.
     *
     * @param query the query to mark, or null for none
     * @return empty when the case has no such document
     * @throws no.evidens.index.QuerySyntaxException when the query cannot be read
     */
    public static Optional<MarkedDocument> read(EvidenceIndex searcher, String caseId, String docId, String query)
            throws IOException {
        Optional<IndexedDocument> doc = searcher.document(caseId, docId);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MarkedDocument(doc.get(), query == null ? List.of() : searcher.marks(caseId, docId, query),
                newerVersion(searcher, caseId, docId)));
    }
}
