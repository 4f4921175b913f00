package no.evidens.findings.trail;

import java.time.Instant;

/**
 * One entry of the audit trail as stored.
 *
 * @param id       numbered from 1 without gaps
 * @param prevHash the hash of entry {@code id - 1} (64 zeros for the first)
 * @param hash     SHA-256 over {@code prevHash} and this entry's content
 */
public record AuditEntry(long id, Instant at, String actor, String action, String caseId, String targetKind, String target,
                         String detail, String prevHash, String hash) {
}
