package no.evidens.pipeline;

import java.util.List;

/**
 * A request refused for a reason the person can fix: the English message (for the command line and the
 * logs) and a message key with its values, from which the web workspace words it in Bokmål or Nynorsk.
 */
public final class Refusal extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> args;

    public Refusal(String key, String message, Object... args) {
        super(message);
        this.key = key;
        this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
    }

    public String key() {
        return key;
    }

    public List<String> args() {
        return args;
    }
}
