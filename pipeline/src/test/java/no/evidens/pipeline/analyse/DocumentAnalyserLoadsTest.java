package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * The tagger's loads that an ingestion runs side by side before its first document: each leaves a failure for the
 * first document to meet, and once they have run (on threads of their own) the first document is tagged as an
 * analyser that loaded nothing ahead tags it.
 */
class DocumentAnalyserLoadsTest {
    private static final String TEXT = "Barneverntjenesten i Fjordvik kommune sendte bekymringsmeldingen videre. "
            + "Kari Nordmann sa at «tiltaksplanen ble ikke evaluert» etter barnevernloven § 8-3.";

    private static final Extractor NONE = file -> {
        throw new UnsupportedOperationException("no file is read here");
    };

    private static NormalisedText text(DocumentAnalyser analyser) throws Exception {
        return analyser.normalise(new Extraction(TEXT, List.of(0), "text/plain", null));
    }

    @Test
    void aLoadThatFailsLeavesTheFailureForTheFirstDocument() throws Exception {
        DocumentAnalyser analyser = new DocumentAnalyser(NONE, () -> {
            throw new IllegalStateException("the codebook cannot be read");
        });
        List<Runnable> loads = analyser.taggerLoads();
        assertFalse(loads.isEmpty());
        for (Runnable load : loads) {
            load.run(); // does not throw
        }
        NormalisedText text = text(analyser);
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> analyser.tag("a.txt", "0", new Extraction(TEXT, List.of(0), "text/plain", null), text));
        assertEquals("the codebook cannot be read", failed.getMessage());
    }

    @Test
    void loadsRunSideBySideTagTheFirstDocumentAsNoLoadAhead() throws Exception {
        DocumentAnalyser ahead = new DocumentAnalyser(NONE, Codebook::defaults);
        ExecutorService pool = Executors.newFixedThreadPool(ahead.taggerLoads().size());
        try {
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (Runnable load : ahead.taggerLoads()) {
                running.add(CompletableFuture.runAsync(load, pool));
            }
            CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        DocumentAnalyser plain = new DocumentAnalyser(NONE, Codebook::defaults);
        Extraction extraction = new Extraction(TEXT, List.of(0), "text/plain", null);
        assertEquals(plain.tag("a.txt", "0", extraction, text(plain)), ahead.tag("a.txt", "0", extraction, text(ahead)));
    }
}
