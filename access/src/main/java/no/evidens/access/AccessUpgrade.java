package no.evidens.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An access database in a home's folder made by an older Evidens (accounts, sessions, roles per case), brought up to this
 * one's schema as it was opened. As for the findings store (the findings module's {@code SchemaUpgrade}; the modules share
 * no code, by the module rules), the upgrade cannot be undone, so the database as it was is kept first, beside it: a zip
 * H2 writes of its own files ({@code BACKUP TO}, consistent while open; unzipped into an empty {@code access/} folder it is
 * that database again).
 *
 * @param from the schema version the database had
 * @param to   the version it has now
 * @param kept the zip of the database as it was
 */
public record AccessUpgrade(int from, int to, Path kept) {
    /** The start of the zip's name: {@code access-schema-2.zip}, then {@code -2}, … */
    static final String PREFIX = AccessStore.DB_NAME + "-schema-";

    /**
     * Keeps the database as it is when its schema is older than this Evidens's (not a new, empty one, nor one up to date):
     * the upgrade that follows, or null when there is none to make.
     */
    static AccessUpgrade keepBefore(Connection c, Path dir) throws SQLException {
        int from = Schema.versionIfAny(c);
        int to = Schema.SCRIPTS.size();
        if (from == 0 || from >= to) {
            return null;
        }
        Path kept = dir.resolve(PREFIX + from + ".zip");
        for (int n = 2; Files.exists(kept); n++) {
            // an upgrade from this version kept before (a home restored from an older backup, upgraded again): not replaced
            kept = dir.resolve(PREFIX + from + "-" + n + ".zip");
        }
        try (Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + kept.toString().replace("'", "''") + "'");
        }
        c.commit();
        return new AccessUpgrade(from, to, kept);
    }

    /** One line for a person: what changed, what an older Evidens can no longer do, where the database as it was is. */
    public String describe() {
        return "the accounts database was brought from schema " + from + " to " + to + " (made by an older Evidens; that one"
                + " can no longer open it); the database as it was is kept in " + kept;
    }
}
