package no.evidens.findings;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * Keeps a table append-only in the database itself: any update or delete of a row fails. Guards the
 * history of findings and the audit trail.
 */
public final class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the history of findings and the audit trail are append-only: rows cannot be changed or removed");
    }
}
