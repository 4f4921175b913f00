package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

class StoreFailureReasonTest {
    private static Exception broken(Exception cause) {
        return new IllegalStateException("cannot open the findings store",
                new SQLException("Connection is broken", "08006", ErrorCode.CONNECTION_BROKEN_1, cause));
    }

    @Test
    void theLogSaysWhyTheStoreWasNotReachedInTheNetworksOwnWords() {
        assertEquals("SocketTimeoutException: Read timed out", StoreFailureReason.of(broken(new SocketTimeoutException("Read timed out"))));
        assertEquals("ConnectException: Connection refused", StoreFailureReason.of(broken(new ConnectException("Connection refused"))));
        assertEquals("it refused the password", StoreFailureReason.of(new IllegalStateException("x",
                new SQLException("Wrong user name or password", "28000", ErrorCode.WRONG_USER_OR_PASSWORD))));
        assertEquals("SQLException", StoreFailureReason.of(new SQLException("Table \"FINDING\" not found; SQL statement: SELECT …")),
                "no SQL from the driver's message");
    }
}
