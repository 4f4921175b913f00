package no.evidens.pipeline.store;

import java.io.IOException;
import java.sql.SQLException;

import org.h2.api.ErrorCode;

/** Why the store server was not reached, in a few words for a log (the workspace's answer itself is worded from a key). */
public final class StoreFailureReason {
    private StoreFailureReason() {
    }

    /**
     * The network's own words ({@code ConnectException: Connection refused}, {@code SocketTimeoutException: Read timed out}),
     * or that the server refused the password; never a message that could quote SQL (only a network exception's is used).
     */
    public static String of(Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            if (t instanceof SQLException s && s.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                return "it refused the password";
            }
        }
        if (root instanceof IOException && root.getMessage() != null) {
            return root.getClass().getSimpleName() + ": " + root.getMessage().lines().findFirst().orElse("");
        }
        return root.getClass().getSimpleName();
    }
}
