package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.UserNotes;

/**
 * The findings store in a home's folder while a web server runs ({@link FilePool}): kept open between requests, its schema
 * read once, let go for a command that says it waits, and let go when the server stops.
 */
class FilePoolTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CASE = "testkommune-2026";

    @TempDir
    Path tmp;

    @Test
    void aServersRequestsKeepTheStoreOpenAndReadItsSchemaOnce() throws Exception {
        HomeStores stores = HomeStores.of(new EvidensHome(Files.createDirectories(tmp.resolve("home"))));
        try (StorePools pooling = StorePools.open()) {
            try (FindingStore s = stores.findings(WAIT)) {
                s.create(CASE, FindingKind.AVVIK, new FindingDraft("Første", List.of(), null, null), "kari");
            }
            // a probe held open meanwhile keeps the database open either way, so that H2 counts every statement
            try (Connection probe = probe(stores)) {
                try (Statement st = probe.createStatement()) {
                    st.execute("SET QUERY_STATISTICS TRUE");
                }
                for (int i = 0; i < 10; i++) {
                    try (FindingStore s = stores.findings(WAIT)) {
                        assertEquals(1, s.findings(CASE).size());
                    }
                }
                assertEquals(0, schemaReads(probe), "the schema's version read by ten openings after the first");
                assertTrue(sessions(probe) > 1, "the store kept open beside the probe");
            }
            // the requests gone: the database stays open for the next one (the probe is alone when it is closed)
            try (Connection probe = probe(stores)) {
                assertTrue(sessions(probe) > 1, "the store kept open between requests");
            }
            assertEquals(0, pooling.inUse());
        }
        try (Connection probe = probe(stores)) {
            assertEquals(1, sessions(probe), "the server stopped: the store is let go");
        }
    }

    @Test
    void aProcessThatSaysItWaitsForTheStoreIsGivenIt() throws Exception {
        HomeStores stores = HomeStores.of(new EvidensHome(Files.createDirectories(tmp.resolve("home"))));
        try (StorePools pooling = StorePools.open()) {
            stores.findings(WAIT).close();
            FilePool<FindingStore> kept = StorePools.folder(stores.findingsDir());
            assertTrue(kept.holding());
            // what FindingStore.open does while another process holds the file
            Path waiting = FindingStore.waitingFile(stores.findingsDir());
            Files.createFile(waiting);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (kept.holding() && System.nanoTime() < deadline) {
                Files.setLastModifiedTime(waiting, FileTime.from(Instant.now()));
                Thread.sleep(50);
            }
            assertFalse(kept.holding(), "let go for the waiting process");
            // while it still says it waits, a request opens a store of its own and closes it again
            Files.setLastModifiedTime(waiting, FileTime.from(Instant.now()));
            assertNull(kept.take(WAIT, UserNotes.LOG), "not kept while a process says it waits");
            // nobody waits any more: kept again after the give-way
            Thread.sleep(FilePool.GIVE_WAY.toMillis() + 200);
            stores.findings(WAIT).close();
            assertTrue(kept.holding());
            assertEquals(0, pooling.inUse());
        }
    }

    /**
     * A team server's access database in the home's folder: kept open between requests, given to a command that says it
     * waits, and what was read on a kept connection known to be out of date from the moment it is let go.
     */
    @Test
    void theAccessDatabaseIsKeptOpenAndGivenToACommandThatWaits() throws Exception {
        EvidensHome home = new EvidensHome(Files.createDirectories(tmp.resolve("home")));
        HomeStores stores = HomeStores.of(home);
        try (StorePools pooling = StorePools.open()) {
            java.util.function.BooleanSupplier current;
            try (AccessStore s = stores.access(WAIT)) {
                s.addUser("kari", "et langt passord".toCharArray(), false);
                current = s.current();
            }
            FilePool<AccessStore> kept = StorePools.accessFolder(home.access());
            assertTrue(kept.holding(), "kept open after the request");
            assertTrue(current.getAsBoolean(), "nobody else can have changed it");
            Path waiting = AccessStore.waitingFile(home.access());
            Files.createFile(waiting);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (kept.holding() && System.nanoTime() < deadline) {
                Files.setLastModifiedTime(waiting, FileTime.from(Instant.now()));
                Thread.sleep(50);
            }
            assertFalse(kept.holding(), "let go for the waiting process");
            assertFalse(current.getAsBoolean(), "what was read may have changed since");
            // while the process still says it waits, a request's store is its own, and what it reads is not to be kept
            Files.setLastModifiedTime(waiting, FileTime.from(Instant.now()));
            try (AccessStore s = stores.access(WAIT)) {
                assertTrue(s.find("kari").isPresent());
                assertFalse(s.current().getAsBoolean());
            }
            assertEquals(0, pooling.inUse());
        }
        try (AccessStore s = AccessStore.open(home.access(), Duration.ofSeconds(1))) {
            assertTrue(s.find("kari").isPresent(), "the server stopped: the database is let go");
        }
    }

    private static Connection probe(HomeStores stores) throws SQLException {
        return DriverManager.getConnection(FindingStore.fileUrl(stores.findingsDir()), FindingStore.FILE_USER, "");
    }

    private static long schemaReads(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0)"
                + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE LOWER(SQL_STATEMENT) LIKE '%from schema_version%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sessions(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
