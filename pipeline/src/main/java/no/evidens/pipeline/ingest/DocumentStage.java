package no.evidens.pipeline.ingest;

import java.util.Collections;
import java.util.List;

import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * One document on its way through the route, as the body of its exchange: each step turns it into the
 * next stage (extracted → normalised → analysed → built into passages), and each stage still knows the
 * document it is, so a failure at any step is recorded against the right path. The stages after normalising know it
 * as a {@link DocumentRef}, without its extraction.
 */
sealed interface DocumentStage permits DocumentWork, DocumentStage.Normalised, DocumentStage.Analysed,
        DocumentStage.Built {

    /** The document: its path, type, hash, id, title, media type and facets. */
    DocumentRef ref();

    /** Its text, normalised: what every offset cites. */
    record Normalised(DocumentRef ref, NormalisedText text) implements DocumentStage {
    }

    /** Its text and tags (sentences, quotations, indicators, legal references, personal data, names). */
    record Analysed(DocumentRef ref, NormalisedText text, DocumentAnalysis analysis) implements DocumentStage {
    }

    /**
     * The document and its passages, ready for the index. The passages are the builder's list, unmodifiable and made as
     * they are read: a copy here would make them all at once (a huge text's largest live heap, round 51).
     */
    record Built(DocumentRef ref, IndexedDocument document, List<Passage> passages) implements DocumentStage {
        public Built {
            passages = Collections.unmodifiableList(passages);
        }
    }
}
