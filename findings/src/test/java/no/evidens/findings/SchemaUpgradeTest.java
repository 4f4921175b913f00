package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store an older Evidens made: upgraded as it is opened, the store as it was kept beside it first. */
class SchemaUpgradeTest {
    @TempDir
    Path dir;

    /** A store at schema 8 (as the Evidens of round 40 left it), with one finding. */
    private void olderStore() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "")) {
            c.setAutoCommit(false);
            assertEquals(8, Migrations.migrate(c, 8));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO finding (case_id, kind, number, title, text, status, created_by, created_at, updated_by,"
                        + " updated_at) VALUES ('" + Drafts.CASE + "', 'avvik', 1, 'Tittel', 'Tekst', 'godkjent', 'kari',"
                        + " CURRENT_TIMESTAMP, 'kari', CURRENT_TIMESTAMP)");
            }
            c.commit();
        }
    }

    @Test
    void anOlderStoreIsKeptAsItWasBeforeItsSchemaIsUpgraded() throws Exception {
        olderStore();
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
            assertEquals(List.of("avvik-1"), store.findings(Drafts.CASE).stream().map(Finding::ref).toList());
            SchemaUpgrade upgrade = store.upgrade().orElseThrow();
            assertEquals(8, upgrade.from());
            assertEquals(Migrations.latest(), upgrade.to());
            assertEquals(dir.resolve("findings-schema-8.zip"), upgrade.kept());
            assertTrue(upgrade.describe().contains("from schema 8 to " + Migrations.latest()), upgrade.describe());
        }
        // the zip, unpacked into a folder of its own, is the store as the older Evidens left it
        Path back = dir.resolve("back");
        unzip(dir.resolve("findings-schema-8.zip"), back);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + back.resolve(FindingStore.DB_NAME), "evidens", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT MAX(version) FROM schema_version), (SELECT title FROM finding)")) {
            rs.next();
            assertEquals(8, rs.getInt(1));
            assertEquals("Tittel", rs.getString(2));
        }
        // opened again: nothing more to upgrade, nothing more kept
        try (FindingStore store = FindingStore.open(dir)) {
            assertTrue(store.upgrade().isEmpty());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith(SchemaUpgrade.PREFIX)).count());
        }
    }

    @Test
    void aStoreOfANewerEvidensIsRefusedAndNotCopied() throws Exception {
        try (FindingStore store = FindingStore.open(dir)) {
            assertTrue(store.upgrade().isEmpty());
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'a later Evidens', CURRENT_TIMESTAMP)");
        }
        StoreTooNew e = assertThrows(StoreTooNew.class, () -> FindingStore.open(dir).close());
        assertTrue(e.getMessage().contains("schema version 99, newer than this Evidens knows"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(SchemaUpgrade.PREFIX)).count());
        }
    }

    @Test
    void aNewStoreIsNoUpgrade() {
        try (FindingStore store = FindingStore.open(dir)) {
            assertTrue(store.upgrade().isEmpty());
        }
    }

    @Test
    void aSecondUpgradeFromTheSameVersionKeepsTheFirstCopy() throws Exception {
        Files.writeString(dir.resolve("findings-schema-8.zip"), "kept by an earlier upgrade");
        olderStore();
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(dir.resolve("findings-schema-8-2.zip"), store.upgrade().orElseThrow().kept());
        }
        assertEquals("kept by an earlier upgrade", Files.readString(dir.resolve("findings-schema-8.zip")));
    }

    private static void unzip(Path zip, Path to) throws IOException {
        Files.createDirectories(to);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Files.copy(z, to.resolve(Path.of(e.getName()).getFileName().toString()));
            }
        }
    }
}
