package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.CaseHashes;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;

/** The index writer opens at the first document written, never for questions or an empty commit. */
class OnDemandSinkTest {
    @TempDir
    Path tmp;

    /** A one-word document entry of a case, as the ingest writes one. */
    private static IndexedDocument doc(String caseId, String docId, String sha) {
        return new IndexedDocument(docId, caseId, docId + ".txt", "journal", docId, sha, "text/plain", "Tekst om " + docId,
                List.of(0));
    }

    private static Passage passage(String caseId, String docId) {
        String text = "Tekst om " + docId;
        return new Passage(Passage.idOf(caseId, docId, 0), caseId, docId, docId + ".txt", "journal", docId, "", 1, 0,
                text.length(), text, List.of(), List.of());
    }

    @Test
    void questionsAndAnEmptyCommitOpenNothing() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        Path index = tmp.resolve("index");
        try (OnDemandSink sink = new OnDemandSink(() -> {
            opened.incrementAndGet();
            return new EvidenceIndexWriter(index);
        }, "sak-1", Set.of("aaa"))) {
            assertTrue(sink.contains("sak-1", "aaa"));
            assertFalse(sink.contains("sak-1", "bbb"));
            sink.commit();
            assertTrue(sink.notStored().isEmpty());
            assertFalse(sink.opened());
        }
        assertEquals(0, opened.get());
        assertFalse(index.toFile().exists(), "no index folder made");
    }

    @Test
    void theFirstWriteOpensTheWriterOnceAndIsThenInTheCase() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        Path index = tmp.resolve("index");
        try (OnDemandSink sink = new OnDemandSink(() -> {
            opened.incrementAndGet();
            return new EvidenceIndexWriter(index);
        }, "sak-1", Set.of())) {
            sink.open(); // as an ingest with something new does, before the route
            sink.add(doc("sak-1", "a", "aaa"), List.of(passage("sak-1", "a")));
            sink.replace(doc("sak-1", "b", "bbb"), List.of());
            assertTrue(sink.contains("sak-1", "aaa"));
            assertTrue(sink.contains("sak-1", "bbb"));
            sink.commit();
        }
        assertEquals(1, opened.get());
        assertEquals(Set.of("aaa", "bbb"), CaseHashes.read(index, "sak-1"));
    }

    @Test
    void withoutHashesTheEngineIsAsked() throws Exception {
        Path index = tmp.resolve("index");
        try (EvidenceSink w = new EvidenceIndexWriter(index)) {
            w.add(doc("sak-1", "a", "aaa"), List.of());
            w.commit();
        }
        try (OnDemandSink sink = new OnDemandSink(() -> new EvidenceIndexWriter(index), "sak-1", null)) {
            assertTrue(sink.contains("sak-1", "aaa"));
            assertTrue(sink.opened());
        }
    }
}
