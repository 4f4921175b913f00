package no.evidens.findings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

import org.h2.api.ErrorCode;

/** Runs the findings store's reads and changes as transactions on its one connection. */
final class Transactor {
    private static final int RETRIES = 8;

    /** A piece of work inside a transaction. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection c;

    Transactor(Connection c) {
        this.c = c;
    }

    /** Runs a change as one transaction, again when it collides with a concurrent one (same number taken, lock timeout). */
    <T> T write(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback();
                boolean collision = e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1 || e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1
                        || e.getErrorCode() == ErrorCode.DEADLOCK_1 || e.getErrorCode() == ErrorCode.CONCURRENT_UPDATE_1;
                if (!collision || attempt >= RETRIES) {
                    throw new IllegalStateException("the findings store could not save the change: " + Jdbc.firstLine(e), e);
                }
                Jdbc.sleep(5 + ThreadLocalRandom.current().nextInt(20 * attempt));
            } catch (RuntimeException e) {
                rollback();
                throw e;
            }
        }
    }

    <T> T read(Work<T> work) {
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("the findings store could not be read: " + Jdbc.firstLine(e), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void rollback() {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the database rolls the transaction back itself
        }
    }
}
