package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command run by the launcher, which names slf4j's provider ({@code Slf4jProvider}): Evidens's warnings still reach
 * stderr as before, and slf4j says nothing of its own (with the provider named but its verbosity left at its default,
 * slf4j 2 adds a line saying which provider it was told to take, to every command's stderr). The launcher runs in a
 * checkout of its own ({@link LauncherCheckout}, this build's jars linked in): run from the real one while the build is
 * under way (before the evaluation module has its jar), it found the jars stale and built them all again inside the test.
 */
class LauncherLoggingIT {
    @TempDir
    Path dir;

    @AfterEach
    void unlinkTheJars() throws IOException {
        LauncherCheckout.unlink(dir.resolve("checkout"));
    }

    @Test
    void aCommandsWarningsReachStderrAndSlf4jSaysNothingOfItsOwn() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("empty-bundle"));
        Path marks = Files.createDirectories(dir.resolve("marks-a-folder")); // the time marks cannot be written there
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        LauncherCheckout.linkInto(checkout);
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", checkout.resolve("evidens").toString(), "ingest",
                "--case", "x", "--home", dir.resolve("home").toString(), bundle.toString()))
                .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        builder.environment().put("EVIDENS_JAVA_OPTS", "-Xmx768m -Devidens.ingestMarks=" + marks);
        Process p = builder.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the launcher did not end");
        String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);

        assertEquals(0, p.exitValue(), err);
        assertTrue(Files.readString(dir.resolve("out")).contains("0 indexed"), err);
        assertTrue(err.contains("WARN no.evidens.pipeline.ingest.IngestMarks - cannot write the ingest's time mark"), err);
        assertFalse(err.contains("SLF4J"), err);
    }
}
