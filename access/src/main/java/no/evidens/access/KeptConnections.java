package no.evidens.access;

import java.sql.Connection;

import javax.sql.DataSource;

/**
 * A source of connections kept open between openings of the access database (a web server's pool of connections to a
 * store server) that remembers on which of them the schema was found up to date, so that it is read once per connection
 * rather than at every opening ({@link AccessStore#onServer(DataSource, String, java.time.Duration)}). Sound for the same
 * reason as the findings store's: a store server's schema changes only as its process starts, and a restart breaks every
 * kept connection. (The findings module has its own: neither module depends on the other.)
 */
public interface KeptConnections extends DataSource {
    /** Whether the schema was found up to date on the kept connection behind {@code c} (one this source handed out). */
    boolean schemaChecked(Connection c);

    /** Notes that the schema was found up to date on the connection behind {@code c}. */
    void schemaCheckedNow(Connection c);
}
