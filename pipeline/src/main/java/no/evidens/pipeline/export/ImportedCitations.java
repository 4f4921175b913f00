package no.evidens.pipeline.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;

/**
 * What an import stores of each exported quotation: its text and its document's title and file, as exported, but where
 * the export masked a personal number ({@link NationalIds}). Such a quotation no longer matches the text at its offsets:
 * its document is read from the index of the home it is imported into, and when the export's own masking of the text
 * there gives exactly the exported quotation, that text is stored, so the quotation is the one that was made and
 * {@code verify} holds. A title or file name masked in the export is taken back from the document the same way. A
 * quotation with a mask whose document is not in the index, or whose text there differs from it in more than the masked
 * numbers, is refused: an import is one transaction, so nothing of the case is stored. No text is logged.
 */
final class ImportedCitations {
    /** Where the documents' indexed text is read: the home's evidence index, or none. */
    @FunctionalInterface
    interface Documents {
        Documents NONE = (caseId, docId) -> Optional.empty();

        Optional<IndexedDocument> document(String caseId, String docId) throws IOException;
    }

    /** A quotation's text and its document's title and file, as stored. */
    record Cited(String quote, String title, String file) {
    }

    private final Documents documents;
    private final String caseId;
    /** Each document read once, however many quotations it has. */
    private final Map<String, Optional<IndexedDocument>> read = new HashMap<>();

    ImportedCitations(Documents documents, String caseId) {
        this.documents = documents;
        this.caseId = caseId;
    }

    /**
     * The quotation {@code e} of the finding {@code findingRef} as it is to be stored.
     *
     * @throws IllegalArgumentException when it holds a masked number that cannot be taken back: which quotation and why
     */
    Cited cited(String findingRef, EvidenceOut e) {
        Citation c = e.citation();
        boolean quoteMasked = NationalIds.holdsMask(e.quote());
        if (!quoteMasked && !NationalIds.holdsMask(c.title()) && !NationalIds.holdsMask(c.file())) {
            return new Cited(e.quote(), c.title(), c.file());
        }
        Optional<IndexedDocument> doc = document(c.docId());
        String quote = e.quote();
        if (quoteMasked) {
            String which = "quotation " + e.position() + " of " + findingRef + " (" + c.file() + ", characters " + c.start() + "–"
                    + c.end() + ") holds a masked personal number";
            if (doc.isEmpty()) {
                throw new IllegalArgumentException(which + ", and its document " + c.docId() + " is not in this home's index:"
                        + " ingest the case's bundle here, then import again; nothing was imported");
            }
            String text = doc.get().text();
            String source = c.start() >= 0 && c.start() < c.end() && c.end() <= text.length() ? text.substring(c.start(), c.end()) : null;
            if (!NationalIds.isMaskOf(quote, source)) {
                throw new IllegalArgumentException(which + ", but the text of document " + c.docId() + " in this home's index"
                        + " differs from it at those characters in more than the masked numbers" + normaliser(e, doc.get())
                        + ": it is not the text quoted; nothing was imported");
            }
            quote = source;
        }
        return new Cited(quote, unmasked(c.title(), doc.map(IndexedDocument::title)), unmasked(c.file(), doc.map(IndexedDocument::file)));
    }

    /** The indexed value where the exported one is its masking, else the exported one. */
    private static String unmasked(String exported, Optional<String> indexed) {
        return indexed.filter(i -> NationalIds.holdsMask(exported) && NationalIds.isMaskOf(exported, i)).orElse(exported);
    }

    /** Why the text may differ, when the quotation was made under another normalisation than the indexed text's. */
    private static String normaliser(EvidenceOut e, IndexedDocument doc) {
        return Objects.equals(e.normaliserVersion(), doc.normaliserVersion()) ? ""
                : " (quoted under normaliser version " + e.normaliserVersion() + ", indexed under " + doc.normaliserVersion() + ")";
    }

    private Optional<IndexedDocument> document(String docId) {
        return read.computeIfAbsent(docId, id -> {
            try {
                return documents.document(caseId, id);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read the index: " + ex.getMessage(), ex);
            }
        });
    }
}
