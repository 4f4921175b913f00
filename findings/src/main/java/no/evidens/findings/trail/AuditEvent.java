package no.evidens.findings.trail;

/**
 * Something to write into the audit trail.
 *
 * @param actor      who did it (a user name)
 * @param action     what was done: {@code show}, {@code search}, {@code export}, {@code finding-edit}, {@code sign-in} …
 * @param caseId     the case it concerns, or null (a sign-in)
 * @param targetKind what it was done to: {@code file}, {@code passage}, {@code finding}, {@code export}, {@code case}, or null
 * @param target     which one (a document id, a passage id, {@code avvik-1}, a file name), or null
 * @param detail     a short note (a query, a format, a version), never document text; or null
 */
public record AuditEvent(String actor, String action, String caseId, String targetKind, String target, String detail) {
    public static final String FILE = "file";
    public static final String PASSAGE = "passage";
    public static final String FINDING = "finding";
    public static final String EXPORT = "export";
    public static final String CASE = "case";

    public AuditEvent {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an actor");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action");
        }
    }
}
