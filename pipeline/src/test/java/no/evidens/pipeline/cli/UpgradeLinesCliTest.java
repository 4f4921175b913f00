package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.store.HomeStores;

/**
 * Round 52: what a command line user reads when a home was made or last written by another Evidens, each said once, plainly,
 * the reason first.
 */
class UpgradeLinesCliTest {
    @TempDir
    Path tmp;

    /** The command's stderr and whatever else the process wrote to System.err meanwhile (the log, a progress bar). */
    private record Run(CliRun cli, String systemErr) {
    }

    private static Run capturing(Supplier<CliRun> command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            CliRun r = command.get();
            return new Run(r, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    /** A home whose findings store is as the Evidens of round 40 left it: schema 8 (the findings module's own migrations, stopped there). */
    private Path homeWithASchema8Store(String name) throws Exception {
        Path home = tmp.resolve(name);
        Path findings = Files.createDirectories(home.resolve("findings"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + findings.resolve(FindingStore.DB_NAME), "evidens", "")) {
            c.setAutoCommit(false);
            Method migrate = Class.forName("no.evidens.findings.Migrations").getDeclaredMethod("migrate", Connection.class, int.class);
            migrate.setAccessible(true);
            assertEquals(8, migrate.invoke(null, c, 8));
            c.commit();
        }
        return home;
    }

    @Test
    void theFindingsStoresUpgradeIsOnePlainLineOfTheCommand() throws Exception {
        Path home = homeWithASchema8Store("home");
        Run run = capturing(() -> CliRun.inHome(home, "finding", "list", "--case", "sak"));
        String said = run.cli().err();
        assertTrue(said.startsWith("evidens: the findings store was brought from schema 8 to "), said + run.systemErr());
        assertTrue(said.contains(home.resolve("findings").resolve("findings-schema-8.zip").toString()), said);
        assertFalse(run.systemErr().contains("brought from schema"), "not a log line besides: " + run.systemErr());
    }

    @Test
    void anIngestIntoAnIndexOfANewerEvidensSaysOnlyWhy() throws Exception {
        Path home = tmp.resolve("home2");
        // an index whose last commit a later Evidens stamped with a layout this one does not know
        try (Directory d = FSDirectory.open(new EvidensHome(home).index());
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            w.setLiveCommitData(Map.of("evidens.index.format", "2").entrySet());
            w.commit();
        }
        Path bundle = Files.createDirectories(tmp.resolve("bunke/styringsdokumenter"));
        Files.writeString(bundle.resolve("rutine.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        Run run = capturing(() -> CliRun.inHome(home, "ingest", tmp.resolve("bunke").toString(), "--case", "sak"));
        assertEquals(1, run.cli().code(), run.cli().err());
        assertTrue(run.cli().err().startsWith("evidens: the index in "), run.cli().err());
        assertTrue(run.cli().err().contains("was written by a newer Evidens (index format 2"), run.cli().err());
        assertFalse(run.systemErr().contains("Stopped"), run.systemErr());
        assertFalse(run.systemErr().contains("Ingesting"), "the bundle is not read: " + run.systemErr());
    }

    /**
     * A command line's notes are its own: a server (or any service not run by a command) in the same process afterwards logs
     * its note, rather than writing it to the stderr of a command that has ended.
     */
    @Test
    void aServicesNoteAfterACommandGoesToTheLogNotToThatCommand() throws Exception {
        Path home = homeWithASchema8Store("home3");
        CliRun.inHome(tmp.resolve("other"), "finding", "list", "--case", "sak"); // a command run in this process before
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            HomeStores.of(new EvidensHome(home)).findings(Duration.ofSeconds(5)).close();
        } finally {
            System.setErr(err);
        }
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("WARN") && log.contains("the findings store was brought from schema 8 to "), log);
    }
}
