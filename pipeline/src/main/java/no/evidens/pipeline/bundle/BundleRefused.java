package no.evidens.pipeline.bundle;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A bundle that cannot be read as given (a damaged zip, too many entries, a manifest with a wrong column or
 * type): the English message for the command line and the logs, and a message key with its values from which
 * the web workspace words a failed ingestion in Bokmål or Nynorsk.
 */
public final class BundleRefused extends IOException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> args;

    public BundleRefused(String key, String message, Throwable cause, Object... args) {
        super(message, cause);
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
