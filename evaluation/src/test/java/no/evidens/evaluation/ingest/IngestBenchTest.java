package no.evidens.evaluation.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.MemoryBound;

class IngestBenchTest {
    @Test
    void tikaAloneKeepsTheBaselinesHeapAndParallelCollectorWhateverTheIngestRunsWith() {
        assertEquals(List.of("-Xmx" + MemoryBound.MAIN_HEAP_MB + "m", "-XX:+UseParallelGC"), IngestBench.TIKA_OPTIONS);
        assertTrue(MemoryBound.mainOptions(1).contains("-Xmx" + MemoryBound.MAIN_HEAP_MB + "m"),
                "both sides get the same heap");
    }
}
