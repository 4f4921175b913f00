package no.evidens.pipeline.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.tools.RunScript;

/**
 * A store copied as SQL over its connection: H2's {@code SCRIPT} (its tables, rows, users and triggers, one statement a row,
 * read by the client, so it works the same on a file and over a server's connection, where {@code BACKUP TO} would write on
 * the server's disk), and H2's {@link RunScript} to play it into another database.
 */
final class StoreScripts {
    private StoreScripts() {
    }

    /** Writes the database as SQL to {@code file}, without its users and their rights; returns how many statements. */
    static int dump(Connection c, Path file) throws SQLException, IOException {
        int n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT");
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            while (rs.next()) {
                String statement = rs.getString(1);
                if (aboutUsers(statement)) {
                    continue;
                }
                out.write(statement);
                out.write(";\n");
                n++;
            }
        }
        return n;
    }

    /**
     * Whether a statement of the script makes a user or gives one rights. Those belong to where the database lives, not to
     * its copy: the connection that makes the new database is its administrator, and a store server gives the homes their
     * user itself; played onto a server, a file store's {@code CREATE USER ... ADMIN} would make the homes' user an
     * administrator again. (Each row of {@code SCRIPT} is one whole statement, so its start says what it is.)
     */
    static boolean aboutUsers(String statement) {
        String s = statement.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return s.startsWith("CREATE USER ") || s.startsWith("ALTER USER ") || s.startsWith("GRANT ") || s.startsWith("CREATE ROLE ");
    }

    /** Plays a script written by {@link #dump} into the database (its statements in one transaction where H2 allows). */
    static void load(Connection c, Path file) throws SQLException, IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            RunScript.execute(c, in);
        }
    }

    /** Whether the database has one of these tables with a row in it. */
    static boolean holdsRows(Connection c, String... tables) throws SQLException {
        for (String t : tables) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                    + " AND TABLE_NAME = ?")) {
                ps.setString(1, t.toUpperCase(java.util.Locale.ROOT));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == 0) {
                        continue;
                    }
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Empties a database of everything a script makes (its tables, triggers, sequences). H2 drops every user but the one
     * connected too: give the homes theirs again after ({@link StoreServe#grantHomes}).
     */
    static void clear(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
    }
}
