package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without sign-in the workspace binds to loopback only, whatever the address is called: every interface ({@code 0.0.0.0},
 * {@code ::}), a network address, a host name that resolves to one and {@code localhost} when the machine's hosts file sends
 * it to the network are refused; loopback by address or by a name that resolves to it is served. Round 47 found
 * {@code localhost} taken for loopback unresolved (and the server then bound where it resolved to). The names come from a
 * hosts file of the test's, in a JVM of their own ({@code jdk.net.hosts.file}), so the machine's own is not touched.
 */
class BindingIT {
    @TempDir
    Path tmp;

    @Test
    void onlyLoopbackIsServedWithoutSignInWhateverItIsCalled() throws IOException, InterruptedException {
        Path hosts = tmp.resolve("hosts");
        Files.writeString(hosts, "192.0.2.2 localhost lanvert\n127.0.0.1 sloyfe\n::1 sloyfe6\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + hosts, "-cp", System.getProperty("java.class.path"), BindingChild.class.getName(),
                "localhost", "lanvert", "192.0.2.2", "0.0.0.0", "::", "[::]", "127.0.0.1", "127.0.0.2", "::1", "sloyfe", "sloyfe6")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(List.of("localhost refused", "lanvert refused", "192.0.2.2 refused", "0.0.0.0 refused", ":: refused",
                "[::] refused", "127.0.0.1 open", "127.0.0.2 open", "::1 open", "sloyfe open", "sloyfe6 open"), out.lines().toList());
    }
}
