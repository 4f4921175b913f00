package no.evidens.pipeline.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;

/**
 * A SolrCloud whose ZooKeeper cannot be reached is one line on stderr, as every error is: no stack trace from the
 * ZooKeeper client's threads (which log to the process's stderr, not to the command's). Takes SolrJ's 15 s connect timeout.
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
        PrintStream before = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        CliRun r;
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        try {
            r = CliRun.of("search", "--home", tmp.resolve("home").toString(), "--solr", "127.0.0.1:" + port + "/solr", "koordinator");
        } finally {
            System.setErr(before);
        }
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("evidens: cannot reach SolrCloud's ZooKeeper at 127.0.0.1:" + port + "/solr"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        String log = logged.toString(StandardCharsets.UTF_8);
        assertFalse(log.contains("\tat ") || log.contains("Exception"), "no stack trace on stderr:\n" + log);
    }
}
