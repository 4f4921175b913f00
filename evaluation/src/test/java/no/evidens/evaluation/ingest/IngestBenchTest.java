package no.evidens.evaluation.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aDirThatIsMissingAFileOrEmptyIsRefusedAsAUsageErrorBeforeAnythingRuns(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("README.md"), "not a folder");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals("--dir " + tmp.resolve("nope") + ": no such folder",
                assertThrows(IllegalArgumentException.class, () -> IngestBench.filesOf(tmp.resolve("nope"))).getMessage());
        assertEquals("--dir " + file + " is a file: give a folder of documents",
                assertThrows(IllegalArgumentException.class, () -> IngestBench.filesOf(file)).getMessage());
        assertEquals("--dir " + empty + " holds no files",
                assertThrows(IllegalArgumentException.class, () -> IngestBench.filesOf(empty)).getMessage());
        Files.writeString(Files.createDirectories(tmp.resolve("peers/pkg")).resolve("b.txt"), "b");
        Files.writeString(tmp.resolve("peers/a.txt"), "a");
        assertEquals(List.of(tmp.resolve("peers/a.txt"), tmp.resolve("peers/pkg/b.txt")), IngestBench.filesOf(tmp.resolve("peers")));
    }

    @Test
    void aFailedSideIsToldByWhatWentWrongNotByItsInnermostFrame() {
        String log = "Exception in thread \"main\" java.io.IOException: a bundle is a folder or a .zip file: /w/README.md\n"
                + "\tat no.evidens.pipeline.bundle.BundleReader.read(BundleReader.java:90)\n"
                + "\tat no.evidens.evaluation.ingest.EvidensSide.main(EvidensSide.java:30)\n";
        assertEquals("java.io.IOException: a bundle is a folder or a .zip file: /w/README.md", IngestBench.firstError(log));
        assertEquals("its log is empty", IngestBench.firstError("\n"));
    }
}
