package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassCacheTest {
    @TempDir
    Path dir;

    @Test
    void java17MapsAndWritesAClassDataArchive() {
        Path cache = dir.resolve("x.jsa");

        assertEquals(List.of("-XX:SharedArchiveFile=" + cache), ClassCache.mapOptions(cache, 17));
        List<String> record = ClassCache.recordOptions(dir.resolve("x.jsa.1.part"), 24);
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + dir.resolve("x.jsa.1.part")), record);
        assertTrue(ClassCache.records(record));
        assertFalse(ClassCache.records(ClassCache.mapOptions(cache, 17)));
    }

    @Test
    void java25RecordsSilentlyAndMapsTheAheadOfTimeCache() {
        Path cache = dir.resolve("x.aot");

        assertEquals(List.of("-XX:AOTCache=" + cache), ClassCache.mapOptions(cache, 25));
        List<String> record = ClassCache.recordOptions(dir.resolve("x.aot.1.part"), 25);
        assertEquals(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + dir.resolve("x.aot.1.part"),
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput"), record);
        assertTrue(ClassCache.records(record));
        assertFalse(ClassCache.records(ClassCache.mapOptions(cache, 26)));
    }

    @Test
    void onThisJdkAFinishedRecordBecomesTheCacheAndAnEmptyOneNothing() throws Exception {
        // The tests run on Java 17 (the project's JDK): there the archive the JVM wrote is the cache itself.
        Path cache = dir.resolve("x" + ClassCache.suffix());
        Path empty = Files.write(dir.resolve("empty.part"), new byte[0]);

        assertFalse(ClassCache.finish(empty, cache, List.of(), ""));
        assertFalse(Files.exists(empty));
        assertFalse(Files.exists(cache));
        if (!ClassCache.aheadOfTime()) {
            Path part = Files.write(dir.resolve("x.part"), new byte[] {1});
            assertTrue(ClassCache.finish(part, cache, List.of(), ""));
            assertFalse(Files.exists(part));
            assertTrue(Files.isRegularFile(cache));
        }
    }
}
