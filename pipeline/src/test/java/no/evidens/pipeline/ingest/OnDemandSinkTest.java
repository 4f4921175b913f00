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

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSink;

/** The index writer opens at the first document written, never for questions or an empty commit. */
class OnDemandSinkTest {
    @TempDir
    Path tmp;

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
            sink.add(CaseHashesTest.doc("sak-1", "a", "aaa"), List.of(CaseHashesTest.passage("sak-1", "a")));
            sink.replace(CaseHashesTest.doc("sak-1", "b", "bbb"), List.of());
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
            w.add(CaseHashesTest.doc("sak-1", "a", "aaa"), List.of());
            w.commit();
        }
        try (OnDemandSink sink = new OnDemandSink(() -> new EvidenceIndexWriter(index), "sak-1", null)) {
            assertTrue(sink.contains("sak-1", "aaa"));
            assertTrue(sink.opened());
        }
    }
}
