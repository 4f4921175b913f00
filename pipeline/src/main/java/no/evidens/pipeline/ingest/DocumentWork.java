package no.evidens.pipeline.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.evidens.index.PassageSchema;

import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.Reason;

/**
 * One document on its way to the index: a file of the bundle, or a document inside one (cited as
 * {@code mail.eml!/vedlegg.pdf}).
 *
 * @param path       path in the bundle, with {@code !/} before each step into a container
 * @param type       document type (a contained document has its container's)
 * @param title      title from the manifest, or null
 * @param sha256     hex SHA-256 of its bytes, or null
 * @param docId      the document's id in its case
 * @param extraction its text, or null when {@code problem} says why there is none
 * @param problem    why it failed, or null
 * @param detail     the library's message or the limit hit when it failed, or null
 * @param facets     facets of the document (kommune, tjeneste, år); a contained document has its container's
 */
record DocumentWork(String path, String type, String title, String sha256, String docId, Extraction extraction,
                    Reason problem, String detail, Map<String, String> facets) implements DocumentStage {

    public DocumentWork {
        // Unmodifiable, in the order it was built (the index adds the facet fields in this order).
        facets = Collections.unmodifiableMap(facets);
    }

    /** The document without its extraction, for the stages after normalising. */
    @Override
    public DocumentRef ref() {
        return new DocumentRef(path, type, sha256, docId, indexTitle(), extraction == null ? null : extraction.mediaType(),
                facets);
    }

    /**
     * Every document the file holds, at any depth, and the file itself last: the file's own entry in the
     * index is what marks its content as ingested, so it goes in only after all it holds.
     */
    static List<DocumentWork> of(HashedFile file, Extraction extraction, String municipality) {
        BundleEntry entry = file.entry();
        String sha256 = file.sha256();
        List<DocumentWork> out = new ArrayList<>();
        Map<String, String> facets = new HashMap<>();
        putIfPresent(facets, PassageSchema.MUNICIPALITY, entry.municipality() != null ? entry.municipality() : municipality);
        putIfPresent(facets, PassageSchema.SERVICE, entry.service());
        String date = entry.date() != null ? entry.date() : extraction.created();
        putIfPresent(facets, PassageSchema.YEAR, year(date));
        putIfPresent(facets, PassageSchema.DATE, date);
        DocumentWork self = new DocumentWork(entry.path(), entry.type(), entry.title(), sha256, DocIds.ofFile(sha256),
                extraction, null, null, facets);
        addEmbedded(self, extraction, out);
        out.add(self);
        return out;
    }

    private static void addEmbedded(DocumentWork parent, Extraction extraction, List<DocumentWork> out) {
        for (Extraction.Embedded e : extraction.embedded()) {
            String path = parent.path() + "!/" + e.name();
            String docId = DocIds.ofEmbedded(parent.docId(), e.name(), e.sha256());
            DocumentWork child = new DocumentWork(path, parent.type(), null, e.sha256(), docId, e.extraction(), e.reason(),
                    e.detail(), parent.facets());
            if (e.extraction() != null) {
                addEmbedded(child, e.extraction(), out);
            }
            out.add(child);
        }
    }

    private static void putIfPresent(Map<String, String> facets, String key, String value) {
        if (value != null && !value.isBlank()) {
            facets.put(key, value.strip());
        }
    }

    /** The year a date begins with (2025-03-01, 2025), or null. */
    static String year(String date) {
        return date != null && date.strip().matches("\\d{4}(\\D.*)?") ? date.strip().substring(0, 4) : null;
    }

    /** Whether it could not be taken out of its container, or read ({@link #problem} says why). */
    boolean failed() {
        return problem != null;
    }

    /** A container whose only content is the documents it holds (a zip): accounted for, but no text. */
    boolean isPureContainer() {
        return extraction != null && !extraction.embedded().isEmpty() && extraction.text().isBlank();
    }

    /** The title it is indexed under: the manifest's, else its own metadata's, else its file name without extension. */
    String indexTitle() {
        if (title != null) {
            return title;
        }
        String own = extraction == null ? null : extraction.title();
        if (own != null && !own.isBlank()) {
            return own.strip();
        }
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
