package no.evidens.findings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/** A connection to a store on H2's TCP server, tried again while another process has the database in exclusive mode. */
final class ServerConnection {
    private ServerConnection() {
    }

    static Connection open(DataSource source, String where, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return source.getConnection();
            } catch (SQLException e) {
                // a process migrating the schema holds the database in exclusive mode for a moment: wait for it
                if (e.getErrorCode() != ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot open " + what + " on " + where + ": " + Jdbc.firstLine(e), e);
                }
                Jdbc.sleep(20 + ThreadLocalRandom.current().nextInt(80));
            }
        }
    }

    /** A new connection at each {@code getConnection} (H2's own data source: the driver's connection, nothing kept). */
    static DataSource source(String url, String user, String password) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** The server and database of a JDBC address, without its settings. */
    static String where(String url) {
        String s = url.startsWith("jdbc:h2:") ? url.substring("jdbc:h2:".length()) : url;
        int semi = s.indexOf(';');
        return semi < 0 ? s : s.substring(0, semi);
    }

    static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is broken: nothing more to let go of
        }
    }
}
