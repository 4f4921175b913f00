package no.evidens.findings;

import java.util.List;

/**
 * A change refused because the finding is approved (locked until the lead reopens it) or its step is not
 * allowed. {@link #key()} and {@link #args()} let a front end word it in its own language.
 */
public final class FindingLocked extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<String> args;

    /** A finding approved and locked, or a review status set by an edit. */
    public FindingLocked(String message) {
        this(message, "finding.locked", List.of());
    }

    public FindingLocked(String message, String key, List<String> args) {
        super(message);
        this.key = key;
        this.args = List.copyOf(args);
    }

    /** What was refused: {@code finding.locked}, {@code review.not-from.<step>}, {@code review.lead-only.<step>}. */
    public String key() {
        return key;
    }

    /** The finding's ref (and its status), as the message names them. */
    public List<String> args() {
        return args;
    }
}
