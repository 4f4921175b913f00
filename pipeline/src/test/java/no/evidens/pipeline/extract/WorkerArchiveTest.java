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

class WorkerArchiveTest {
    @TempDir
    Path dir;

    @Test
    void classFoldersShareNothing() throws IOException {
        assertTrue(WorkerArchive.forClassPath(Files.createDirectories(dir.resolve("classes")).toString()).isEmpty());
    }

    @Test
    void theFirstWorkerWritesTheArchiveWhichLaterWorkersMap() throws IOException {
        Path jar = Files.writeString(dir.resolve("evidens.jar"), "jar");
        WorkerArchive archive = WorkerArchive.forClassPath(jar.toString()).orElseThrow();
        List<String> first = archive.options();
        assertTrue(WorkerArchive.writes(first), first.toString());
        assertEquals(List.of(), archive.options(), "one worker writes it; the others start without");
        Path part = Path.of(first.get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(part, "classes");
        archive.workerEnded(0);
        assertFalse(Files.exists(part));
        List<String> later = WorkerArchive.forClassPath(jar.toString()).orElseThrow().options();
        assertEquals(1, later.size());
        assertTrue(later.get(0).startsWith("-XX:SharedArchiveFile=" + dir), later.toString());
        assertTrue(Files.isReadable(Path.of(later.get(0).substring("-XX:SharedArchiveFile=".length()))));
    }

    @Test
    void aWorkerThatDidNotEndWellLeavesNoArchive() throws IOException {
        Path jar = Files.writeString(dir.resolve("evidens.jar"), "jar");
        WorkerArchive archive = WorkerArchive.forClassPath(jar.toString()).orElseThrow();
        Path part = Path.of(archive.options().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
        Files.writeString(part, "half");
        archive.workerEnded(137);
        assertFalse(Files.exists(part));
        assertTrue(WorkerArchive.writes(WorkerArchive.forClassPath(jar.toString()).orElseThrow().options()));
    }

    @Test
    void aNewBuildOfTheJarGetsAnArchiveOfItsOwn() throws IOException {
        Path jar = Files.writeString(dir.resolve("evidens.jar"), "jar");
        String before = WorkerArchive.forClassPath(jar.toString()).orElseThrow().options().get(0);
        Files.writeString(jar, "a longer jar");
        String after = WorkerArchive.forClassPath(jar.toString()).orElseThrow().options().get(0);
        assertFalse(before.equals(after), before);
    }

    @Test
    void theWorkersClassPathIsTheOneSetElseThisProcesssAndTheArchiveIsMadeForIt() throws IOException {
        Path jar = Files.writeString(dir.resolve("evidens.jar"), "jar");
        String before = System.getProperty(WorkerArchive.CLASS_PATH_PROPERTY);
        try {
            System.clearProperty(WorkerArchive.CLASS_PATH_PROPERTY);
            assertEquals(System.getProperty("java.class.path"), WorkerArchive.workerClassPath());
            System.setProperty(WorkerArchive.CLASS_PATH_PROPERTY, jar.toString());
            assertEquals(jar.toString(), WorkerArchive.workerClassPath());
            List<String> first = WorkerArchive.forClassPath().orElseThrow().options();
            assertTrue(first.get(0).startsWith("-XX:ArchiveClassesAtExit=" + dir), "beside the jar set: " + first);
        } finally {
            if (before == null) {
                System.clearProperty(WorkerArchive.CLASS_PATH_PROPERTY);
            } else {
                System.setProperty(WorkerArchive.CLASS_PATH_PROPERTY, before);
            }
        }
    }
}
