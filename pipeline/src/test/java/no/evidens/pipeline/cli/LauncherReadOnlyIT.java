package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher run by a user who may not write to the checkout (one installed by an administrator): the command does
 * its work and exits 0 as for its owner. Before, the JVM was told to write its class-data archive into the checkout's
 * {@code pipeline/target}, could not, and ended every command with exit 1 and "Unable to create shared archive file".
 * As root (who may write anywhere) the command is run as the user {@code nobody}.
 */
class LauncherReadOnlyIT {
    private Path checkout;

    @BeforeEach
    void fakeCheckout() throws IOException {
        // Not JUnit's temporary folder: the user nobody must be able to enter it.
        checkout = Files.createTempDirectory(Path.of("/tmp"), "evidens-readonly-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(checkout, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path target = LauncherCheckout.linkInto(checkout);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @AfterEach
    void removeIt() throws IOException {
        Files.setPosixFilePermissions(checkout.resolve("pipeline/target"), PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stream<Path> all = Files.walk(checkout)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aCommandInACheckoutTheUserMayNotWriteToEndsWell() throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"));
        }
        command.addAll(List.of("bash", checkout.resolve("evidens").toString(), "search", "--help"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", checkout.toString());
        builder.environment().remove("EVIDENS_JAVA_OPTS");
        Process p = builder.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not end");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("evidens search"), output);
        assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("shared archive"), output);
        try (Stream<Path> files = Files.list(checkout.resolve("pipeline/target"))) {
            assertEquals(2, files.count(), "nothing written into the checkout");
        }
    }
}
