package no.evidens.pipeline.analyse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;

/**
 * Extract → normalise → tag for one file. The ingestion route calls the steps one by one; the
 * {@code analyze} command calls {@link #analyse}. Thread-safe.
 */
public final class DocumentAnalyser implements AutoCloseable {
    private final Extractor extractor;
    private final TextNormaliser normaliser = new TextNormaliser();
    /** Asked once, when the first document is tagged. */
    private final Supplier<Codebook> codebook;
    /**
     * Made when the first document is tagged: loading the Norwegian models costs seconds, which a re-ingest of
     * an unchanged bundle (every file a duplicate) never needs.
     */
    private volatile DocumentTagger tagger;
    private final LanguageGuesser languages = new LanguageGuesser();

    /** @param codebook the indicator codebook to tag with */
    public DocumentAnalyser(Extractor extractor, Codebook codebook) {
        this(extractor, () -> codebook);
    }

    /** @param codebook gives the indicator codebook to tag with, asked when the first document is tagged */
    public DocumentAnalyser(Extractor extractor, Supplier<Codebook> codebook) {
        this.extractor = extractor;
        this.codebook = codebook;
    }

    /** With the default codebook shipped in {@code models}. */
    public DocumentAnalyser(Extractor extractor) {
        this(extractor, Codebook.defaults());
    }

    /** Tika in this process and the default codebook: for trusted files (tests, the evaluation harnesses). */
    public DocumentAnalyser() {
        this(new TikaExtractor());
    }

    /** Stops the extractor's worker processes, if it has any (they start again when needed). */
    @Override
    public void close() {
        extractor.close();
    }

    private DocumentTagger tagger() {
        DocumentTagger t = tagger;
        if (t == null) {
            synchronized (this) {
                t = tagger;
                if (t == null) {
                    t = new DocumentTagger(NorwegianModels.shared(), codebook.get());
                    tagger = t;
                }
            }
        }
        return t;
    }

    /**
     * Starts the extractor's worker, if it reads in one, ahead of the first file (see {@link Extractor#prepare()}).
     */
    public void prepareExtractor() {
        extractor.prepare();
    }

    /**
     * Loads the tagger's models (sentences, tokens, names), reads the codebook and compiles its patterns ahead of the
     * first document: the very objects the first {@link #tag} would make, made sooner. A failure is left for the first
     * document to meet and report. Independent of {@link #prepareClassifiers}: the two may run at once, on two threads.
     */
    public void prepareTagger() {
        try {
            tagger().prepare();
        } catch (RuntimeException e) {
            // The first document's tagging makes them again and its receipt line says what went wrong.
        }
    }

    /**
     * Loads the paragraph classifier of indicators ahead of the first document (read once for the process). It does not
     * need what {@link #prepareTagger} loads, so the two may run at once; the tagger needs it too, and whichever of the two
     * threads comes to it first reads it while the other waits (a class's start is run once). The language detector's model
     * is not loaded: an ingest does not guess a document's language ({@link #tagForIndex}); {@code analyze} reads it when
     * it first guesses.
     */
    public void prepareClassifiers() {
        try {
            DocumentTagger.bundledClassifier();
        } catch (RuntimeException e) {
            // As for the tagger: the first document meets the failure again and its receipt line says what it was.
        }
    }

    public Extraction extract(Path file) throws ExtractionException {
        return extractor.extract(file);
    }

    public NormalisedText normalise(Extraction extraction) throws ExtractionException {
        NormalisedText text = normaliser.normalise(extraction);
        if (text.text().isEmpty()) {
            throw new ExtractionException(no.evidens.pipeline.extract.Reason.NO_TEXT, "nothing left after normalisation");
        }
        return text;
    }

    /**
     * Tags a normalised text. It takes the media type, not the extraction: the extraction's text is not needed once
     * normalised, and a caller that lets it go has one copy of a huge text less in its heap while it is tagged.
     */
    public DocumentAnalysis tag(String file, String sha256, String mediaType, NormalisedText text) {
        Tags tags = tagger().tag(text);
        return new DocumentAnalysis(file, sha256, mediaType, languages.guess(text.text()), text.pages(),
                text.text(), tags.sentences(), tags.quotes(), tags.indicators(), tags.legalRefs(), tags.pii(),
                tags.entities());
    }

    /**
     * Tags a normalised text for the index only: as {@link #tag}, without the guess of its language, which nothing the index
     * keeps holds (only {@code analyze} shows it) and which is a fifth of the tagging's CPU ({@code evidens bench tagging}):
     * its {@code language} is {@code und}. An ingest and a reindex tag so (round 53: the ingest had guessed every document's
     * language since the first rounds, and thrown the guess away). Nor are names and personal data looked for: the index
     * keeps neither ({@link DocumentTagger#tagForIndex}; round 54), so its {@code pii} and {@code entities} are empty.
     */
    public DocumentAnalysis tagForIndex(String file, String sha256, String mediaType, NormalisedText text) {
        Tags tags = tagger().tagForIndex(text);
        return new DocumentAnalysis(file, sha256, mediaType, "und", text.pages(), text.text(), tags.sentences(), tags.quotes(),
                tags.indicators(), tags.legalRefs(), tags.pii(), tags.entities());
    }

    /** The whole analysis of one file; {@code name} is how the file is named in the output. */
    public DocumentAnalysis analyse(Path file, String name) throws ExtractionException, IOException {
        Extraction extraction = extract(file);
        String mediaType = extraction.mediaType();
        NormalisedText text = normalise(extraction);
        extraction = null; // let go before the tagging (see tag)
        return tag(name, Sha256.of(file), mediaType, text);
    }
}
