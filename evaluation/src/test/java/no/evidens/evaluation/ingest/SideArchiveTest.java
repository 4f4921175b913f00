package no.evidens.evaluation.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideArchiveTest {
    @TempDir
    Path dir;

    @Test
    void anEvidensSideMapsTheArchiveTheLauncherGivesIngestNotTheBenchsOwn() throws Exception {
        String base = dir.resolve("evidens-1-2").toString();
        Files.write(dir.resolve("evidens-1-2-bench.jsa"), new byte[] {1});
        Files.write(dir.resolve("evidens-1-2-ingest.jsa"), new byte[] {1});

        assertEquals(List.of("-XX:SharedArchiveFile=" + dir.resolve("evidens-1-2-ingest.jsa")),
                SideArchive.of(base, "ingest").options());
    }

    @Test
    void theFirstSideOfAKindWritesItsArchiveWhichIsKeptOnlyWhenItEndedNormally() throws Exception {
        String base = dir.resolve("evidens-1-2").toString();
        Path archive = dir.resolve("evidens-1-2-bench-tika.jsa");

        SideArchive failed = SideArchive.of(base, "bench-tika");
        String option = failed.options().get(0);
        assertTrue(option.startsWith("-XX:ArchiveClassesAtExit="), option);
        Files.write(failed.part(), new byte[] {1});
        failed.ended(1);
        assertFalse(Files.exists(archive));
        assertFalse(Files.exists(failed.part()));

        SideArchive written = SideArchive.of(base, "bench-tika");
        Files.write(written.part(), new byte[] {1});
        written.ended(0);
        assertTrue(Files.isRegularFile(archive));
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive), SideArchive.of(base, "bench-tika").options());
    }

    @Test
    void withoutTheLaunchersBaseASideRunsWithoutAnArchive() throws Exception {
        SideArchive none = SideArchive.of(null, "ingest");

        assertEquals(List.of(), none.options());
        none.ended(0);
    }
}
