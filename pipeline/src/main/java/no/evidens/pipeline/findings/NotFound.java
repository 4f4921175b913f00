package no.evidens.pipeline.findings;

/** The case has no such finding, quotation or findings at all: the person named something that is not there. */
public class NotFound extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final java.util.List<String> args;

    public NotFound(String message) {
        this(message, null);
    }

    /**
     * @param message the English message (the command line, the logs)
     * @param key     the key of the web workspace's message, worded from its catalogue, or null
     * @param args    the values of that message
     */
    public NotFound(String message, String key, Object... args) {
        super(message);
        this.key = key;
        this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
    }

    /** The catalogue key of the web workspace's message, or null. */
    public String key() {
        return key;
    }

    public java.util.List<String> args() {
        return args;
    }

    /** An evidence item that does not exist, or belongs to another case ({@code actualCase} then names it). */
    public static final class UnknownItem extends NotFound {
        private static final long serialVersionUID = 1L;
        private final long id;
        private final String caseId;
        private final String actualCase;

        UnknownItem(String message, long id, String caseId, String actualCase) {
            super(message);
            this.id = id;
            this.caseId = caseId;
            this.actualCase = actualCase;
        }

        public long id() {
            return id;
        }

        /** The case it was looked for in. */
        public String caseId() {
            return caseId;
        }

        /** The case the item belongs to, or null when there is no such item. */
        public String actualCase() {
            return actualCase;
        }
    }
}
