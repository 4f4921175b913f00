package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.SearchRequest;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * A file written to after it was hashed and before (or while) it was read is not indexed under the hash of other bytes:
 * its line says it changed during the ingest, and the next ingest reads it as it is then, under its own hash.
 */
class ChangedDuringIngestTest {
    private static final String BEFORE = "Tiltaksplanen ble evaluert i mars.";
    private static final String AFTER = "Tiltaksplanen ble aldri evaluert, skrev koordinatoren i april.";

    @TempDir
    Path tmp;

    /** Reads a file's bytes as its text; the first time it reads {@code skifter.txt}, someone writes to it just before. */
    private static final class WrittenToOnce extends PlainTextExtractor {
        private boolean written;

        @Override
        public synchronized Extraction extract(Path file) {
            if (!written && file.getFileName().toString().equals("skifter.txt")) {
                written = true;
                try {
                    Files.writeString(file, AFTER);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return super.extract(file);
        }
    }

    @Test
    void aFileChangedBetweenItsHashAndItsReadingIsNotIndexedUnderTheOldHash() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/journaler"));
        Path changing = Files.writeString(folder.resolve("skifter.txt"), BEFORE);
        Files.writeString(folder.resolve("fast.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        String hashBefore = Sha256.of(changing);
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        WrittenToOnce extractor = new WrittenToOnce();

        Receipt first = new Ingestion(home, new DocumentAnalyser(extractor), 1).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);
        Map<String, ReceiptFile> lines = byPath(first);
        ReceiptFile changed = lines.get("journaler/skifter.txt");
        assertEquals(ReceiptFile.FAILED, changed.status(), first.files().toString());
        assertEquals(Reason.CHANGED_DURING_INGEST.text(), changed.reason());
        assertEquals(hashBefore, changed.sha256());
        assertEquals(ReceiptFile.INDEXED, lines.get("journaler/fast.txt").status(), "the other file is read as ever");
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            assertEquals(0, searcher.search(new SearchRequest("aldri", "sak", null, 5)).total(), "the new text is not in the index");
        }

        Receipt second = new Ingestion(home, new DocumentAnalyser(extractor), 1).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);
        ReceiptFile now = byPath(second).get("journaler/skifter.txt");
        assertEquals(ReceiptFile.INDEXED, now.status(), "read again, not remembered as failed: " + second.files());
        assertEquals(Sha256.of(changing), now.sha256(), "under the hash of the bytes read");
        assertFalse(now.sha256().equals(hashBefore));
        try (EvidenceSearcher searcher = new EvidenceSearcher(home.index())) {
            assertTrue(searcher.search(new SearchRequest("aldri", "sak", null, 5)).total() > 0);
        }
    }

    private static Map<String, ReceiptFile> byPath(Receipt r) {
        return r.files().stream().collect(Collectors.toMap(ReceiptFile::path, Function.identity()));
    }
}
