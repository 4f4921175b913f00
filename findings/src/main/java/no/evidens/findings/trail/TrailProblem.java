package no.evidens.findings.trail;

import java.util.List;

/**
 * One problem {@link AuditTrail#verify()} found, for a front end to word in its own language: a message key
 * ({@code trail.…}) and its values. The English line of {@link TrailCheck#problems()} says the same for the
 * command line (this module knows no front end and no catalogue).
 *
 * @param key  the message key
 * @param args the values the message names, in the key's order
 */
public record TrailProblem(String key, List<String> args) {
    public TrailProblem {
        args = List.copyOf(args);
    }
}
