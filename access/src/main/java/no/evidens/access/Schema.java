package no.evidens.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The access database's schema versions: numbered scripts in {@code no/evidens/access/db/}, applied in
 * order and recorded in {@code schema_version}; a database newer than this code is refused.
 */
final class Schema {
    /** The scripts, in order. Never edit one that has shipped: add the next. */
    static final List<String> SCRIPTS = List.of("V1__access.sql", "V2__sessions.sql", "V3__language.sql");

    private Schema() {
    }

    /**
     * Brings the schema of a database on a server up to date while other processes may open it too: in H2's exclusive
     * mode (other sessions wait, new connections are refused for the moment), the version read again inside it, so one
     * process migrates and another started with it finds nothing left to do. At the latest version: nothing is locked.
     * (The findings module's {@code Migrations.migrateShared} does the same for its store: the two modules share no code,
     * by the module rules.)
     */
    static void migrateShared(Connection c) throws SQLException {
        if (versionIfAny(c) == SCRIPTS.size()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET EXCLUSIVE 1");
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.ADMIN_RIGHTS_REQUIRED) {
                // a home's user on a store server may not change the schema: the server's own start brings it up to date
                throw new IllegalStateException("the access database on the database server has an older schema than this Evidens:"
                        + " upgrade the store server to this version first (it brings the schema up to date as it starts)", e);
            }
            throw e;
        }
        try {
            migrate(c);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SET EXCLUSIVE 0");
            }
        }
    }

    /** The database's schema version: 0 for a new one (no schema_version table yet). */
    static int versionIfAny(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            c.rollback();
            if (e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
                return 0;
            }
            throw e;
        }
    }

    static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, script VARCHAR(200) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        c.commit();
        int current;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            current = rs.getInt(1);
        }
        if (current > SCRIPTS.size()) {
            throw new IllegalStateException("the access database has schema version " + current + ", newer than this Evidens knows ("
                    + SCRIPTS.size() + "): use a newer Evidens");
        }
        for (int v = current + 1; v <= SCRIPTS.size(); v++) {
            String script = SCRIPTS.get(v - 1);
            try (Statement s = c.createStatement()) {
                for (String sql : statements(read(script))) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                ps.setInt(1, v);
                ps.setString(2, script);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    private static String read(String script) {
        try (InputStream in = Schema.class.getResourceAsStream("db/" + script)) {
            if (in == null) {
                throw new IllegalStateException("schema script missing from the build: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A script's statements: split where a semicolon ends a line, comment lines dropped. */
    private static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        return Arrays.stream(sql.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
