package no.evidens.findings;

import java.util.Arrays;
import java.util.List;

/**
 * A request the findings store refuses for a reason the person can fix. The English message is for the
 * command line and the logs; {@link #key()} and {@link #args()} let a front end word it in its own language
 * (the web workspace's catalogue holds the keys: this module knows no front end).
 */
public final class FindingsRefusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> args;

    /**
     * @param key     the message key ({@code error.…}, {@code attach.…})
     * @param message the English message
     * @param args    the values the message names, in the key's order
     */
    public FindingsRefusal(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
