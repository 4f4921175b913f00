package no.evidens.findings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A findings store in a home's folder made by an older Evidens, brought up to this one's schema as it was opened. The
 * upgrade cannot be undone (the older Evidens refuses a store newer than it knows), so the store as it was is kept first,
 * beside it, as a zip that H2 writes of its own files ({@code BACKUP TO}: consistent while the store is open; unzipped
 * into an empty {@code findings/} folder it is that store again).
 *
 * @param from  the schema version the store had
 * @param to    the version it has now
 * @param kept  the zip of the store as it was
 */
public record SchemaUpgrade(int from, int to, Path kept) {
    /** The name of the zip for a store of schema {@code version}: {@code findings-schema-8.zip}, then {@code -2}, … */
    static final String PREFIX = FindingStore.DB_NAME + "-schema-";

    /**
     * Keeps the store as it is when its schema is older than this Evidens's (not a new, empty one, nor one already up to
     * date): the upgrade that follows, or null when there is none to make.
     */
    static SchemaUpgrade keepBefore(Connection c, Path dir) throws SQLException {
        int from = Migrations.currentIfAny(c);
        if (from == 0 || from >= Migrations.latest()) {
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
        return new SchemaUpgrade(from, Migrations.latest(), kept);
    }

    /** One line for a person: what changed, what an older Evidens can no longer do, where the store as it was is. */
    public String describe() {
        return "the findings store was brought from schema " + from + " to " + to + " (made by an older Evidens; that one can no"
                + " longer open it); the store as it was is kept in " + kept;
    }
}
