package no.evidens.pipeline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.cli.EvidensCli;

/**
 * A SolrCloud whose ZooKeeper cannot be reached is one line on stderr, as every error is: no stack trace from the
 * ZooKeeper client's threads (which log to the process's stderr). Run as a process of its own, as a user runs it:
 * {@code --solr} holds its address in a system property for the whole run, and in the test JVM that dead address
 * outlived the command and sent the tests after it ({@code SolrCloudIT}) there. The command waits 2 s for ZooKeeper
 * ({@code evidens.solr.zk-connect-seconds}, as an operator sets it in {@code EVIDENS_JAVA_OPTS}) rather than SolrJ's 15 s:
 * its client's threads try to connect and log each failure all the same.
 */
class ZooKeeperUnreachableIT {
    @TempDir
    Path tmp;

    @Test
    void anUnreachableZooKeeperIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free, and closed again: nothing listens there
        }
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Devidens.solr.zk-connect-seconds=2", "-cp", System.getProperty("java.class.path"), EvidensCli.class.getName(),
                "search", "--home", tmp.resolve("home").toString(), "--solr", "127.0.0.1:" + port + "/solr", "koordinator")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the command ends");
        String said = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(1, child.exitValue(), said);
        assertTrue(said.startsWith("evidens: cannot reach SolrCloud's ZooKeeper at 127.0.0.1:" + port + "/solr"), said);
        assertEquals(1, said.lines().count(), "one line on stderr:\n" + said);
        assertFalse(said.contains("\tat ") || said.contains("Caused by"), "no stack trace on stderr:\n" + said);
        assertFalse(said.contains("java.") || said.contains("Exception"), "no Java class name on stderr:\n" + said);
        assertEquals("", Files.readString(out, StandardCharsets.UTF_8), "nothing on stdout");
    }
}
