package no.evidens.evaluation.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.Slf4jProvider;
import no.evidens.pipeline.extract.MemoryBound;

class IngestBenchTest {
    @Test
    void tikaAloneKeepsTheBaselinesHeapAndParallelCollectorWhateverTheIngestRunsWith() {
        assertEquals(List.of("-Xmx" + MemoryBound.MAIN_HEAP_MB + "m", "-XX:+UseParallelGC"), IngestBench.TIKA_OPTIONS);
        assertTrue(MemoryBound.mainOptions(1).contains("-Xmx" + MemoryBound.MAIN_HEAP_MB + "m"),
                "both sides get the same heap");
    }

    @Test
    void optionsForATrialAreAddedAfterTheLaunchersOnes() {
        List<String> launchers = new java.util.ArrayList<>(MemoryBound.mainOptions(1000));
        launchers.addAll(Slf4jProvider.options());
        assertEquals(launchers, IngestBench.ingestOptions(1000, ""), "nothing added by default");
        List<String> trial = IngestBench.ingestOptions(1000, " -XX:CICompilerCount=1,-XX:MaxTenuringThreshold=0 ");
        assertEquals(launchers, trial.subList(0, launchers.size()));
        assertEquals(List.of("-XX:CICompilerCount=1", "-XX:MaxTenuringThreshold=0"),
                trial.subList(launchers.size(), trial.size()));
    }
}
