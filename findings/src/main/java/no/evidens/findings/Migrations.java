package no.evidens.findings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versions the schema of the findings store: numbered SQL scripts in
 * {@code no/evidens/findings/db/}, applied in order, each recorded in {@code schema_version}.
 * A store newer than this code is refused rather than written to. (A dozen lines do what a migration
 * library would; the store needs no more, and adds no dependency.)
 */
final class Migrations {
    record Migration(int version, String description, String resource) {
    }

    /** Every migration, in order. Never edit one that has shipped: add the next. */
    static final List<Migration> ALL = List.of(
            new Migration(1, "findings, evidence, requirements and history", "V1__findings.sql"),
            new Migration(2, "the history trigger under its class in the findings module", "V2__trigger_class.sql"),
            new Migration(3, "the normaliser version of each quotation", "V3__normaliser_version.sql"),
            new Migration(4, "the audit trail, append-only and chained by hashes", "V4__audit_trail.sql"),
            new Migration(5, "a version per finding, counted up by every change", "V5__finding_version.sql"),
            new Migration(6, "closed cases and deleted sources", "V6__case_lifecycle.sql"),
            new Migration(7, "groups of cases (a nationwide audit) and quotations chosen for its report", "V7__case_groups.sql"),
            new Migration(8, "saved searches per case, and the language of a case's exports", "V8__saved_searches.sql"),
            new Migration(9, "quotations chosen per group (a case in two groups has its own choices in each)", "V9__group_choices.sql"),
            new Migration(10, "a place per finding in its case's report, kept in the order it had", "V10__finding_position.sql"),
            new Migration(11, "a lock per case on its findings' places, and places shared before it numbered again", "V11__case_places.sql"));

    private Migrations() {
    }

    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    /** Brings the schema up to date; returns the version it is at. */
    static int migrate(Connection c) throws SQLException {
        return migrate(c, latest());
    }

    /** Brings the schema up to {@code target} (a test writes a store as an older Evidens did); returns the version it is at. */
    static int migrate(Connection c, int target) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, description VARCHAR(400) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        c.commit();
        int current = current(c);
        refuseNewer(current);
        for (Migration m : ALL) {
            if (m.version() <= current || m.version() > target) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                for (String sql : statements(script(m.resource()))) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.executeUpdate();
            }
            c.commit();
            current = m.version();
        }
        return current;
    }

    /**
     * Brings the schema of a store on a database server up to date, where several processes may open it at once: the
     * migrations run with the database in H2's exclusive mode ({@code SET EXCLUSIVE 1}: another session's statements
     * wait, a new connection is refused until it ends), and the version is read again inside it, so that of two
     * processes started together one migrates and the other then finds nothing left to do. (A lock row would not do:
     * H2 commits at every statement that changes the schema, which lets go of the row's lock.) A store already at the
     * latest version is not put in exclusive mode.
     */
    static int migrateShared(Connection c) throws SQLException {
        int current = currentIfAny(c);
        if (current == latest()) {
            return current;
        }
        // said before the exclusive mode is asked for: a home's user may not ask, and would be told the schema is older
        refuseNewer(current);
        try (Statement s = c.createStatement()) {
            s.execute("SET EXCLUSIVE 1");
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.ADMIN_RIGHTS_REQUIRED) {
                // a home's user on a store server may not change the schema: the server's own start brings it up to date
                throw new IllegalStateException("the findings store on the database server has an older schema than this Evidens:"
                        + " upgrade the store server to this version first (it brings the schema up to date as it starts)", e);
            }
            throw e;
        }
        try {
            return migrate(c);
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("SET EXCLUSIVE 0");
            }
        }
    }

    /** Refuses a store whose schema a newer Evidens brought further than this one knows. */
    private static void refuseNewer(int current) {
        if (current > latest()) {
            throw new StoreTooNew("the findings store has schema version " + current
                    + ", newer than this Evidens knows (" + latest() + "): use a newer Evidens");
        }
    }

    /** The schema's version, 0 for a database without one yet. */
    static int currentIfAny(Connection c) throws SQLException {
        try {
            return current(c);
        } catch (SQLException e) {
            c.rollback();
            if (e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1
                    || e.getErrorCode() == org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1) {
                return 0;
            }
            throw e;
        }
    }

    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String script(String resource) {
        try (InputStream in = Migrations.class.getResourceAsStream("db/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a script: split at semicolons that end a line; {@code --} comment lines dropped. */
    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(clean.toString().split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
