package no.evidens.findings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.evidens.findings.trail.AuditTrail;

/**
 * Closing a case and deleting its records: whether a case is closed (and by whom), and which of its
 * sources were deleted. Made by {@link FindingStore#lifecycle()}, in the store's transactions.
 */
public final class CaseLifecycle {
    /** A closed case. */
    public record Closed(String caseId, String closedBy, Instant closedAt) {
    }

    /** A source file deleted (its index document and its stored file), its quotations kept. */
    public record DeletedSource(String docId, String file, String type, String sha256, String deletedBy, Instant deletedAt) {
    }

    private final AuditTrail.Transactions tx;

    CaseLifecycle(AuditTrail.Transactions tx) {
        this.tx = tx;
    }

    public Optional<Closed> closed(String caseId) {
        return tx.read(c -> closedIn(c, caseId));
    }

    static Optional<Closed> closedIn(Connection c, String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT closed_by, closed_at FROM case_state WHERE case_id = ?")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Closed(caseId, rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                        : Optional.empty();
            }
        }
    }

    /** Refuses a change of a closed case. */
    static void requireOpen(Connection c, String caseId) throws SQLException {
        Optional<Closed> closed = closedIn(c, caseId);
        if (closed.isPresent()) {
            throw new CaseClosed(caseId, closed.get().closedBy(), closed.get().closedAt());
        }
    }

    /**
     * Closes a case: from now on read-only.
     *
     * @throws CaseClosed when it is closed already
     */
    public Closed close(String caseId, String actor) {
        return tx.write(c -> {
            requireOpen(c, caseId);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_state (case_id, closed_at, closed_by) VALUES (?, ?, ?)")) {
                ps.setString(1, caseId);
                ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(3, actor);
                ps.executeUpdate();
            }
            return new Closed(caseId, actor, now);
        });
    }

    /** Records the sources deleted from a case (a source recorded before stays as it was). */
    public void sourcesDeleted(String caseId, List<DeletedSource> sources) {
        tx.write(c -> {
            for (DeletedSource s : sources) {
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO deleted_source (case_id, doc_id, file, type, sha256,"
                        + " deleted_at, deleted_by) KEY (case_id, doc_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, caseId);
                    ps.setString(2, s.docId());
                    ps.setString(3, s.file());
                    ps.setString(4, s.type());
                    ps.setString(5, s.sha256());
                    ps.setObject(6, OffsetDateTime.ofInstant(s.deletedAt(), ZoneOffset.UTC));
                    ps.setString(7, s.deletedBy());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The sources deleted from a case, by document id. */
    public Map<String, DeletedSource> deletedSources(String caseId) {
        return tx.read(c -> {
            Map<String, DeletedSource> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT doc_id, file, type, sha256, deleted_by, deleted_at FROM deleted_source"
                    + " WHERE case_id = ? ORDER BY file")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new DeletedSource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return out;
        });
    }
}
