package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The launcher turns picocli's Groovy closures off for every command: with them on, picocli's default factory asks the
 * class path for {@code groovy.lang.Closure} at each start, and a class that is not there is looked for in every one of
 * the runnable jar's ~200 libraries, each opened. The launcher's integration tests ({@code Launcher*IT}) run commands
 * with it.
 */
class LauncherPicocliTest {
    @Test
    void everyCommandRunsWithPicocliClosuresOff() throws Exception {
        String launcher = Files.readString(Path.of("..", "evidens"));
        assertTrue(launcher.contains("cli=\"-Dpicocli.disable.closures=true\"\n"), launcher);
        assertTrue(launcher.contains(" \"$gold\" $cli "), launcher);
    }

    @Test
    void theSwitchIsPicocliOwn() throws Exception {
        // the property the launcher sets is the one this picocli reads (its default factory's closure loader)
        Class<?> factory = Class.forName("picocli.CommandLine$DefaultFactory");
        String code;
        try (var in = factory.getResourceAsStream("CommandLine$DefaultFactory.class")) {
            code = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertTrue(code.contains("picocli.disable.closures"), "picocli's default factory reads picocli.disable.closures");
    }
}
