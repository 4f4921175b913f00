package no.evidens.pipeline.web;

import java.util.Arrays;
import java.util.List;

/**
 * A request the API refuses, with the HTTP status and a message for the person (sent as {@code {"error": …}}).
 * One with a message key is worded in the user's language from the catalogue ({@link ErrorTexts}); the
 * English message is then the fallback.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String key;
    private final List<String> args;

    ApiError(int status, String message) {
        this(status, message, null);
    }

    ApiError(int status, String message, String key, Object... args) {
        super(message);
        this.status = status;
        this.key = key;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    int status() {
        return status;
    }

    /** The message key, or null when the message is only in the wording given. */
    String key() {
        return key;
    }

    List<String> args() {
        return args;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message);
    }
}
