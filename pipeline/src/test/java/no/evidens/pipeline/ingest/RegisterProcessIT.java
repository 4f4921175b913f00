package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.ChildJvm;

/**
 * Two processes on one home recording ingestions of one case at once (a command's and the server's, or two commands'
 * on SolrCloud): the OS lock beside the case's version register makes them take turns, so every bundle is in it.
 */
class RegisterProcessIT {
    private static final int EACH = 150;

    @TempDir
    Path home;

    @Test
    void twoProcessesRecordingAtOnceLoseNoBundle() throws Exception {
        List<Process> writers = List.of(start("a"), start("b"));
        java.nio.file.Files.createFile(home.resolve("go"));
        for (Process p : writers) {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the process finished");
            assertEquals(0, p.exitValue(), "a writer's exit code");
        }
        assertEquals(2 * EACH, new CaseVersions(home).of("sak").current().size(), "every bundle recorded");
    }

    private Process start(String tag) throws Exception {
        return new ProcessBuilder(ChildJvm.with(ChildJvm.of(RegisterWriterMain.class, "-Xmx128m"), home.toString(), tag,
                String.valueOf(EACH)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }
}
