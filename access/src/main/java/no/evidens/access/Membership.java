package no.evidens.access;

/** A user's role in one case. */
public record Membership(String caseId, String user, Role role) {
}
