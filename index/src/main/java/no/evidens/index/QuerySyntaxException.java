package no.evidens.index;

import java.util.List;

/**
 * A query the user must fix; the message says what to fix and is fit to show as it is. A front end that
 * speaks another language words it anew from {@link #key()} and {@link #args()}.
 */
public class QuerySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> args;

    public QuerySyntaxException(String message) {
        this(message, "query.invalid", List.of());
    }

    /**
     * @param key  what went wrong, as a message key ({@code query.empty}, {@code query.unknown-field} …)
     * @param args the values the message names, in order (the query first, where there is one)
     */
    public QuerySyntaxException(String message, String key, List<String> args) {
        super(message);
        this.key = key;
        this.args = List.copyOf(args);
    }

    /** What went wrong: {@code query.empty}, {@code query.no-words}, {@code query.unknown-field}, {@code query.syntax.*}, {@code query.too-many}. */
    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
