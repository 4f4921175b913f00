package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

class StoreBusyTest {
    @Test
    void aPoolWhoseConnectionsAllStayedInUseIsSaidAsBusyNotAsAServerThatIsDown() throws SQLException {
        // H2's own pool, one connection and a one-second wait, so that its real time-out is met quickly
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:store-busy-test", "sa", "");
        pool.setMaxConnections(1);
        pool.setLoginTimeout(1);
        try (Connection held = pool.getConnection()) {
            assertTrue(held.isValid(1), "the one connection is taken and kept");
            SQLException waited = assertThrows(SQLException.class, pool::getConnection);
            assertEquals(StorePool.LOGIN_TIMEOUT, waited.getErrorCode(), "the error code StoreUnreachable reads");

            StoreUnreachable said = StoreUnreachable.of(StoreServer.parse("tcp://lager.example:9092"), StoreServer.FINDINGS,
                    new IllegalStateException("cannot open the findings store", waited));
            assertInstanceOf(StoreBusy.class, said);
            assertTrue(StoreBusy.in(new IllegalStateException("a request", said)));
            assertTrue(StoreUnreachable.in(said), "still the store's failure: the web answers 503");
            assertTrue(said.getMessage().startsWith("all " + StorePool.SIZE + " connections of this process to "), said.getMessage());
        } finally {
            pool.dispose();
        }
    }
}
