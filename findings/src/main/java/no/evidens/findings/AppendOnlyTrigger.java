package no.evidens.findings;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** Keeps the history table append-only in the database itself: any update or delete of a row fails. */
public final class AppendOnlyTrigger implements Trigger {
    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the history of findings is append-only: rows cannot be changed or removed");
    }
}
