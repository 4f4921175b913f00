package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.Extractor;

/**
 * The tagging warm-up an ingestion runs while its Tika worker starts: it tags its made-up report, and a document
 * tagged after it, on another thread as the ingestion's tagging threads are, has the very tags it had before it.
 */
class WarmUpTest {
    private static final String NOTE = "Tilsynet ble gjennomført 3. februar 2025 i Fjordvik kommune. Enhetsleder Per Olsen "
            + "sa: «Tiltaksplanen er ikke evaluert.» Det er et avvik fra barnevernsloven § 4-5, jf. helsepersonelloven § 39. "
            + "Kommunen må sørge for at internkontrollen fanger opp slike brudd.";

    @TempDir
    Path tmp;

    @Test
    void theWarmUpTagsItsTextAndLeavesADocumentsTagsAsTheyWere() throws Exception {
        Path file = Files.writeString(tmp.resolve("notat.txt"), NOTE);
        Extractor plain = f -> new Extraction(NOTE, List.of(0), "text/plain", null);
        DocumentAnalyser analyser = new DocumentAnalyser(plain);

        DocumentAnalysis before = onThreadOfItsOwn(() -> analyser.analyse(file, "notat.txt"));
        assertTrue(onThreadOfItsOwn(analyser::warmUp), "the warm-up's text tagged");
        DocumentAnalysis after = onThreadOfItsOwn(() -> analyser.analyse(file, "notat.txt"));

        assertEquals(before, after);
        assertTrue(!before.sentences().isEmpty() && !before.legalRefs().isEmpty(), "the note has tags to compare");
    }

    private static <T> T onThreadOfItsOwn(Callable<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(work).get();
        } finally {
            thread.shutdown();
        }
    }
}
