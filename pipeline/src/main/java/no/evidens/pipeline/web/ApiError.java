package no.evidens.pipeline.web;

import java.util.Arrays;
import java.util.List;

/**
 * A request the API refuses, with the HTTP status and a message for the person (sent as {@code {"error": …}}).
 * It names only a key of the catalogue ({@code messages_nb}/{@code messages_nn}) and the values to fill in:
 * {@link ErrorTexts} words it in the user's language. There is no constructor that takes a sentence, so no
 * handler can answer in a language of its own ({@code WebMessagesTest} checks every key used is in both
 * catalogues). The exception's own message (for logs and debugging) is the key with its values.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A value that is itself a catalogue key (a role's name, say), worded in the user's language too. */
    record Word(String key) {
    }

    private final int status;
    private final String key;
    private final transient List<Object> args;
    private final String field;

    /**
     * @param key  a key of the catalogue ({@code error.…})
     * @param args its values: text and numbers as they are, a {@link Word} worded from the catalogue
     */
    ApiError(int status, String key, Object... args) {
        this(null, status, key, args);
    }

    private ApiError(String field, int status, String key, Object... args) {
        super(key + (args.length == 0 ? "" : " " + Arrays.toString(args)) + (field == null ? "" : " at " + field));
        this.status = status;
        this.key = key;
        this.args = Arrays.stream(args).map(a -> a instanceof Word ? a : (Object) String.valueOf(a)).toList();
        this.field = field;
    }

    int status() {
        return status;
    }

    /** The message key. */
    String key() {
        return key;
    }

    /** The values: strings, and {@link Word}s. */
    List<Object> args() {
        return args;
    }

    /** The JSON field the refusal is about (sent as {@code "field"}, so a form can mark and focus it), or null. */
    String field() {
        return field;
    }

    /** A 400 about one field of the JSON body, named by its name there (e.g. {@code title}, {@code note}). */
    static ApiError badField(String field, String key, Object... args) {
        return new ApiError(field, 400, key, args);
    }

    /** A 404 about one field of the JSON body: what it names does not exist. */
    static ApiError notFoundField(String field, String key, Object... args) {
        return new ApiError(field, 404, key, args);
    }

    static ApiError badRequest(String key, Object... args) {
        return new ApiError(400, key, args);
    }

    static ApiError notFound(String key, Object... args) {
        return new ApiError(404, key, args);
    }
}
