package no.evidens.index;

/** A query the user must fix; the message says what to fix and is fit to show as it is. */
public class QuerySyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public QuerySyntaxException(String message) {
        super(message);
    }
}
