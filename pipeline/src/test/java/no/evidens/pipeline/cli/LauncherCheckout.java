package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;

/**
 * A checkout of its own for a launcher test: the launcher script copied in, this build's jar and libraries linked
 * into its {@code pipeline/target} (so nothing is built again), and an empty evaluation jar beside them (the launcher
 * stamps the archives' names with both jars' times).
 */
final class LauncherCheckout {
    private LauncherCheckout() {
    }

    /** Fills {@code checkout} (which must exist) and answers its {@code pipeline/target}. */
    static Path linkInto(Path checkout) throws IOException {
        Path real = Path.of("target").toAbsolutePath();
        Files.copy(Path.of("..", "evidens"), checkout.resolve("evidens"));
        Path target = Files.createDirectories(checkout.resolve("pipeline/target"));
        Files.createSymbolicLink(target.resolve("evidens.jar"), real.resolve("evidens.jar"));
        Files.createSymbolicLink(target.resolve("lib"), real.resolve("lib"));
        Path evaluation = Files.createDirectories(checkout.resolve("evaluation/target"));
        try (OutputStream out = Files.newOutputStream(evaluation.resolve("evidens-evaluation.jar"));
             JarOutputStream jar = new JarOutputStream(out)) {
            jar.finish();
        }
        return target;
    }

    /** Removes the links to the real jars from {@code checkout}'s {@code pipeline/target} (JUnit warns of links that lead out of its folder). */
    static void unlink(Path checkout) throws IOException {
        Files.deleteIfExists(checkout.resolve("pipeline/target/evidens.jar"));
        Files.deleteIfExists(checkout.resolve("pipeline/target/lib"));
    }
}
