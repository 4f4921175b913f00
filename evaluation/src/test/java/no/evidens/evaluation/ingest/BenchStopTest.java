package no.evidens.evaluation.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchStopTest {
    @TempDir
    Path tmp;

    @Test
    void aStoppedBenchEndsTheRunningSideAndWhatItStartedDeletesItsWorkFolderAndSaysHowFarItGot() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("evidens-bench-ingest1"));
        Files.createDirectories(work.resolve("bundle"));
        Files.writeString(work.resolve("bundle/a.txt"), "generated");
        Files.writeString(work.resolve("files.txt"), "a.txt");
        BenchStop stop = new BenchStop(work);
        stop.ended("Tika alone", new SideResult(37.4, 10.0, 348, 220, 0.37, 0));
        // a side with a process of its own under it, as the Evidens side has its Tika workers
        Process side = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300").start();
        stop.started("Evidens ingest", side);
        while (side.descendants().count() < 2) {
            Thread.onSpinWait();
        }
        List<ProcessHandle> under = side.descendants().toList();

        String said = stop.stop();

        assertTrue(stop.stopping());
        assertFalse(side.isAlive(), "the side ended");
        under.forEach(h -> assertFalse(h.isAlive(), "what the side started ended: " + h.pid()));
        assertFalse(Files.exists(work), "nothing of the bench left: " + work);
        assertTrue(said.startsWith("evidens: bench ingest stopped during Evidens ingest, no figures"), said);
        assertTrue(said.contains("finished before: Tika alone 37.4 s wall, 10.0 CPU s"), said);
        assertTrue(said.contains(work.toString()), said);
    }

    @Test
    void aStopBeforeAnySideSaysSoAndStillDeletesTheGeneratedBundle() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("evidens-bench-ingest2/bundle")).getParent();
        String said = new BenchStop(work).stop();
        assertFalse(Files.exists(work));
        assertTrue(said.startsWith("evidens: bench ingest stopped during its start, no figures;"), said);
    }
}
