package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryBoundTest {
    private static final long MB = 1024 * 1024;

    @Test
    void theLauncherStartsIngestAndWatchWithTheBoundsOptions() throws IOException {
        String launcher = Files.readString(Path.of("..", "evidens"));
        assertTrue(launcher.contains("ingest|watch) opts=\"" + MemoryBound.MAIN_OPTIONS + "\""), launcher);
    }

    @Test
    void theMainProcessOfAnIngestRunsOneCollectorTheSerialOne() {
        for (int files : new int[] {1, MemoryBound.QUICK_JIT_MAX_FILES + 1}) {
            List<String> collectors = MemoryBound.mainOptions(files).stream()
                    .filter(o -> o.startsWith("-XX:+Use") && o.endsWith("GC")).toList();
            assertEquals(List.of("-XX:+UseSerialGC"), collectors, files + " files");
            assertTrue(MemoryBound.mainOptions(files).contains("-Xmx" + MemoryBound.MAIN_HEAP_MB + "m"));
        }
    }

    @Test
    void theLauncherGivesAShortIngestTheQuickCompilerOnly() throws IOException {
        String launcher = Files.readString(Path.of("..", "evidens"));
        assertTrue(launcher.contains("quick_jit_max_files=" + MemoryBound.QUICK_JIT_MAX_FILES + "\n"), launcher);
        assertTrue(launcher.contains("opts=\"$opts " + MemoryBound.QUICK_JIT + " " + MemoryBound.EARLY_QUICK_JIT + "\""), launcher);
        assertTrue(MemoryBound.mainOptions(MemoryBound.QUICK_JIT_MAX_FILES).containsAll(
                List.of(MemoryBound.QUICK_JIT, MemoryBound.EARLY_QUICK_JIT)));
        assertFalse(MemoryBound.mainOptions(MemoryBound.QUICK_JIT_MAX_FILES + 1).contains(MemoryBound.QUICK_JIT),
                "a long ingest keeps the optimising compiler");
    }

    @Test
    void theMainProcessAsksForHugePagesOnlyWhereTheKernelGivesThemOnRequest(@TempDir Path dir) throws IOException {
        Path setting = dir.resolve("enabled");
        Files.writeString(setting, "always [madvise] never\n");
        assertTrue(MemoryBound.hugePagesOnRequest(setting));
        Files.writeString(setting, "[always] madvise never\n");
        assertFalse(MemoryBound.hugePagesOnRequest(setting), "always: the JVM has them without asking");
        Files.writeString(setting, "always madvise [never]\n");
        assertFalse(MemoryBound.hugePagesOnRequest(setting), "never: the JVM would warn");
        assertFalse(MemoryBound.hugePagesOnRequest(dir.resolve("missing")), "not Linux");
        assertEquals(MemoryBound.hugePagesOnRequest(MemoryBound.HUGE_PAGES_SETTING),
                MemoryBound.mainOptions(1).contains(MemoryBound.HUGE_PAGES));
        String launcher = Files.readString(Path.of("..", "evidens"));
        assertTrue(launcher.contains("'\\[madvise\\]' " + MemoryBound.HUGE_PAGES_SETTING), launcher);
        assertTrue(launcher.contains("opts=\"$opts " + MemoryBound.HUGE_PAGES + "\""), launcher);
    }

    @Test
    void aWorkerRunsTheQuickCompilerOnOneThread() {
        assertTrue(MemoryBound.workerOptions(2).containsAll(List.of(MemoryBound.QUICK_JIT, MemoryBound.ONE_COMPILER_THREAD)));
        assertTrue(MemoryBound.workerOptions(2, false).containsAll(List.of(MemoryBound.QUICK_JIT, MemoryBound.ONE_COMPILER_THREAD)));
    }

    @Test
    void theWorkersOfALongIngestRunBothCompilersWithTheSameHeapAndCollector() {
        List<String> both = MemoryBound.workerOptions(2, true);
        assertFalse(both.contains(MemoryBound.QUICK_JIT), both.toString());
        assertFalse(both.contains(MemoryBound.ONE_COMPILER_THREAD), "both compilers need a thread each: " + both);
        List<String> quick = MemoryBound.workerOptions(2, false);
        assertEquals(quick.stream().filter(o -> !o.equals(MemoryBound.QUICK_JIT) && !o.equals(MemoryBound.ONE_COMPILER_THREAD))
                .toList(), both, "nothing else differs");
    }

    @Test
    void theWorkersRunBothCompilersWhenTheirMainProcessIsToldSo() {
        String before = System.getProperty(MemoryBound.WORKERS_BOTH_COMPILERS_PROPERTY);
        try {
            System.clearProperty(MemoryBound.WORKERS_BOTH_COMPILERS_PROPERTY);
            assertTrue(MemoryBound.workerOptions(2).contains(MemoryBound.QUICK_JIT));
            System.setProperty(MemoryBound.WORKERS_BOTH_COMPILERS_PROPERTY, "true");
            assertEquals(MemoryBound.workerOptions(2, true), MemoryBound.workerOptions(2));
        } finally {
            if (before == null) {
                System.clearProperty(MemoryBound.WORKERS_BOTH_COMPILERS_PROPERTY);
            } else {
                System.setProperty(MemoryBound.WORKERS_BOTH_COMPILERS_PROPERTY, before);
            }
        }
    }

    @Test
    void onlyTheWorkersOfAnIngestOfManyFilesAreToldToRunBothCompilers() throws IOException {
        int min = MemoryBound.WORKERS_BOTH_COMPILERS_MIN_FILES;
        assertTrue(min > MemoryBound.QUICK_JIT_MAX_FILES, "the launcher counts up to the larger of the two");
        for (int files : new int[] {1, MemoryBound.QUICK_JIT_MAX_FILES, MemoryBound.QUICK_JIT_MAX_FILES + 1, min - 1}) {
            assertFalse(MemoryBound.mainOptions(files).contains(MemoryBound.WORKERS_BOTH_COMPILERS), files + " files");
        }
        for (int files : new int[] {min, 1_000_000}) {
            assertTrue(MemoryBound.mainOptions(files).contains(MemoryBound.WORKERS_BOTH_COMPILERS), files + " files");
        }
        String launcher = Files.readString(Path.of("..", "evidens"));
        assertTrue(launcher.contains("workers_both_compilers_min_files=" + min + "\n"), launcher);
        assertTrue(launcher.contains("-ge \"$workers_both_compilers_min_files\" ]; then\n    opts=\"$opts "
                + MemoryBound.WORKERS_BOTH_COMPILERS + "\""), launcher);
    }

    @Test
    void mainProcessAndWorkersStayUnderTheBoundWhateverTheCores() {
        long mainHeap = MemoryBound.MAIN_HEAP_MB * MB;
        for (int threads : new int[] {1, 2, 4, 16, 64}) {
            int workers = MemoryBound.workers(threads, mainHeap);
            assertTrue(workers >= 1 && workers <= threads, threads + " threads: " + workers);
            long tree = MemoryBound.MAIN_HEAP_MB + MemoryBound.MAIN_BEYOND_HEAP_MB
                    + (long) workers * (MemoryBound.WORKER_HEAP_MB + MemoryBound.WORKER_BEYOND_HEAP_MB);
            assertTrue(tree <= MemoryBound.TREE_MB, threads + " threads: " + tree + " MB");
        }
        assertEquals(1, MemoryBound.workers(1, mainHeap));
        assertEquals(2, MemoryBound.workers(2, mainHeap), "two cores: a worker per thread fits");
        assertEquals(2, MemoryBound.workers(16, mainHeap), "sixteen cores: as many as fit");
    }

    @Test
    void aMainHeapBeyondTheBoundKeepsAWorkerPerThread() {
        assertEquals(16, MemoryBound.workers(16, 3072 * MB), "serve and demo run with 3 GiB: not bounded");
        assertEquals(1, MemoryBound.workers(0, 3072 * MB));
    }

    @Test
    void workersWriteTheJvmsOwnMessagesToStderrNeverToTheirAnswers() {
        assertTrue(MemoryBound.workerOptions().contains("-Xlog:all=warning:stderr"));
        assertTrue(MemoryBound.workerOptions().contains("-Xmx" + MemoryBound.WORKER_HEAP_MB + "m"));
    }

    @Test
    void aWorkerThatReadsTwoFilesAtATimeHasTheHeapOfTwo() {
        assertTrue(MemoryBound.workerOptions(2).contains("-Xmx" + 2 * MemoryBound.WORKER_HEAP_MB + "m"));
        assertTrue(MemoryBound.workerOptions(2).contains("-Xlog:all=warning:stderr"));
    }
}
