package no.evidens.findings;

import java.sql.Connection;

import javax.sql.DataSource;

/**
 * A source of connections that are kept open between openings of a store (a web server's pool of connections to a store
 * server), and that remembers on which of them the store's schema was found up to date, so that it is read once per
 * connection rather than at every opening ({@link FindingStore#onServer(DataSource, String, java.time.Duration)}).
 *
 * <p>Why that is enough: a store server's schema is brought up to date only as its process starts (before it takes a
 * connection; it holds the database's file meanwhile), and a restart breaks every connection kept to the one before, so
 * a newer Evidens's upgrade is read on the new connections made after it, as a new connection always was.
 */
public interface KeptConnections extends DataSource {
    /** Whether the schema was found up to date on the kept connection behind {@code c} (one this source handed out). */
    boolean schemaChecked(Connection c);

    /** Notes that the schema was found up to date on the connection behind {@code c}. */
    void schemaCheckedNow(Connection c);
}
