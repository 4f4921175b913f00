package no.evidens.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.MemoryBound;

/** slf4j's provider named to every JVM Evidens starts, with the same options: the launcher's commands and the workers. */
class Slf4jProviderTest {
    @Test
    void theLauncherNamesTheProviderForEveryCommandAheadOfTheUsersOptions() throws Exception {
        String launcher = Files.readString(Path.of("..", "evidens"));
        assertTrue(launcher.contains("logging=\"" + Slf4jProvider.OPTIONS + "\"\n"), launcher);
        assertTrue(launcher.contains("exec java $logging ${EVIDENS_JAVA_OPTS:-$opts} "), launcher);
    }

    @Test
    void theWorkersAreToldTheProviderToo() {
        assertTrue(MemoryBound.workerOptions().containsAll(Slf4jProvider.options()), MemoryBound.workerOptions().toString());
        assertTrue(Slf4jProvider.OPTIONS.contains("-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider"));
    }

    @Test
    void theNamedProviderIsOnTheClassPath() throws Exception {
        // a provider named but missing: slf4j would fall back to its look-up and warn on every command's stderr
        String provider = Slf4jProvider.OPTIONS.replaceAll(".*-Dslf4j.provider=(\\S+).*", "$1");
        assertTrue(org.slf4j.spi.SLF4JServiceProvider.class.isAssignableFrom(Class.forName(provider)), provider);
    }
}
