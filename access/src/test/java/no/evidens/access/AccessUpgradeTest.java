package no.evidens.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** An accounts database an older Evidens made: kept as it was beside it, then upgraded, as it is opened (round 52). */
class AccessUpgradeTest {
    @TempDir
    Path dir;

    /** A database at schema 1 (an Evidens before sessions were kept), with one account, made in SQL. */
    private void olderDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(AccessStore.DB_NAME), AccessStore.FILE_USER, "");
                Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/no/evidens/access/db/" + Schema.SCRIPTS.get(0) + "'");
            s.execute("CREATE TABLE schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1, '" + Schema.SCRIPTS.get(0) + "', CURRENT_TIMESTAMP)");
            s.execute("INSERT INTO account (name, admin, created_at) VALUES ('kari', TRUE, CURRENT_TIMESTAMP)");
        }
    }

    @Test
    void anOlderDatabaseIsKeptAsItWasBeforeItsSchemaIsUpgraded() throws Exception {
        olderDatabase();
        try (AccessStore store = AccessStore.open(dir)) {
            assertEquals(List.of("kari"), store.users().stream().map(Account::name).toList());
            AccessUpgrade upgrade = store.upgrade().orElseThrow();
            assertEquals(1, upgrade.from());
            assertEquals(Schema.SCRIPTS.size(), upgrade.to());
            assertEquals(dir.toAbsolutePath().normalize().resolve("access-schema-1.zip"), upgrade.kept());
            assertTrue(upgrade.describe().startsWith("the accounts database was brought from schema 1 to " + Schema.SCRIPTS.size()),
                    upgrade.describe());
        }
        // the zip, unpacked into a folder of its own, is the database as the older Evidens left it
        Path back = dir.resolve("back");
        unzip(dir.resolve("access-schema-1.zip"), back);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + back.resolve(AccessStore.DB_NAME), AccessStore.FILE_USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT MAX(version) FROM schema_version), (SELECT name FROM account)")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals("kari", rs.getString(2));
        }
        // opened again, and a new database: nothing to upgrade, nothing more kept
        try (AccessStore store = AccessStore.open(dir)) {
            assertTrue(store.upgrade().isEmpty());
        }
        try (AccessStore store = AccessStore.open(dir.resolve("new"))) {
            assertTrue(store.upgrade().isEmpty());
        }
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith(AccessUpgrade.PREFIX)).count());
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path to = into.resolve(e.getName()).normalize();
                assertTrue(to.startsWith(into), e.getName());
                Files.copy(z, to);
            }
        }
    }
}
