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
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive for a command comes from a run that did the command's work: {@code ingest --help}
 * and an ingest of a folder that is not there leave no {@code ingest} archive behind (one made by them held picocli's
 * help and none of what an ingest loads, and every later ingest of the build mapped it); the first ingest that ran
 * does. Run in a checkout of its own (the real jars linked into it), so that its archives are its own.
 */
class LauncherArchiveIT {
    @TempDir
    Path dir;

    /** The links to the real jars go before JUnit deletes the folder (it warns of links that lead out of it). */
    @AfterEach
    void unlinkTheJars() throws IOException {
        Files.deleteIfExists(dir.resolve("checkout/pipeline/target/evidens.jar"));
        Files.deleteIfExists(dir.resolve("checkout/pipeline/target/lib"));
    }

    @Test
    void onlyARunThatDidItsWorkWritesTheCommandsArchive() throws Exception {
        Path checkout = dir.resolve("checkout");
        Path target = LauncherCheckout.linkInto(Files.createDirectories(checkout));
        Path home = dir.resolve("home");
        Path bundle = Files.createDirectories(dir.resolve("bundle"));

        String help = run(checkout, 0, "ingest", "--help");
        assertTrue(help.contains("evidens ingest"), help);
        assertEquals(List.of(), archives(target), "ingest --help writes no archive, nor a file for one");

        String missing = run(checkout, 2, "ingest", dir.resolve("no-such-folder").toString(), "--case", "t",
                "--home", home.toString());
        assertTrue(missing.contains("no such folder"), missing);
        run(checkout, 0, "search", "--help");
        assertEquals(List.of(), archives(target), "the failed ingest's archive was discarded at the next start");

        run(checkout, 0, "ingest", bundle.toString(), "--case", "t", "--home", home.toString());
        run(checkout, 0, "search", "--help");
        List<String> after = archives(target);
        assertEquals(1, after.size(), after.toString());
        assertTrue(after.get(0).endsWith("-ingest.jsa"), after.toString());
    }

    private static String run(Path checkout, int exitCode, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", checkout.resolve("evidens").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("EVIDENS_JAVA_OPTS");
        Process p = builder.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the launcher did not end");
        assertEquals(exitCode, p.exitValue(), output);
        assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("shared archive"), output);
        return output;
    }

    /** The command archives in the checkout's target, and the files they are being written to (not the workers'). */
    private static List<String> archives(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("evidens-") && n.contains(".jsa"))
                    .sorted().toList();
        }
    }
}
