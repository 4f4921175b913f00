package no.evidens.findings;

import static no.evidens.findings.Jdbc.json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The history rows of the findings store (append-only), and the snapshots they hold of a finding and an item. */
final class HistoryRows {
    private final Connection c;

    HistoryRows(Connection c) {
        this.c = c;
    }

    /** The history of a case (findingId null) or of one finding, oldest first. */
    List<HistoryEntry> of(String caseId, Long findingId) throws SQLException {
        String sql = "SELECT id, case_id, finding_id, finding_ref, evidence_id, action, actor, at, before_json, after_json"
                + " FROM history WHERE case_id = ?" + (findingId == null ? "" : " AND finding_id = ?") + " ORDER BY id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, caseId);
            if (findingId != null) {
                ps.setLong(2, findingId);
            }
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), Jdbc.nullableLong(rs, 3), rs.getString(4),
                            Jdbc.nullableLong(rs, 5), rs.getString(6), rs.getString(7), Jdbc.instant(rs, 8), rs.getString(9),
                            rs.getString(10)));
                }
            }
            return out;
        }
    }

    /** A change of a finding (and of one of its items when evidenceId is given): what it was and what it is. */
    void add(Finding f, Long evidenceId, String action, String actor, Instant at, Map<String, Object> before, Map<String, Object> after)
            throws SQLException {
        add(f.caseId(), f.id(), f.ref(), evidenceId, action, actor, at, before == null ? null : json(before),
                after == null ? null : json(after));
    }

    void add(String caseId, Long findingId, String ref, Long evidenceId, String action, String actor, Instant at, String before,
             String after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO history (case_id, finding_id, finding_ref, evidence_id, action,"
                + " actor, at, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseId);
            Jdbc.setLong(ps, 2, findingId);
            ps.setString(3, ref);
            Jdbc.setLong(ps, 4, evidenceId);
            ps.setString(5, action);
            ps.setString(6, actor);
            ps.setObject(7, Jdbc.time(at));
            ps.setString(8, before);
            ps.setString(9, after);
            ps.executeUpdate();
        }
    }

    /** Where an item stands, for the history (in a fixed order: Map.of's order changes from run to run). */
    static Map<String, Object> place(Finding f, int position) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finding", f.ref());
        m.put("position", position);
        return m;
    }

    static Map<String, Object> snapshot(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", f.ref());
        m.put("title", f.title());
        m.put("requirements", f.requirements().stream().map(LegalRequirement::text).toList());
        m.put("text", f.text());
        m.put("status", f.status());
        return m;
    }

    static Map<String, Object> snapshot(EvidenceItem i) {
        EvidenceDraft e = i.evidence();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", i.position());
        m.put("passageId", e.passageId());
        if (!e.lastPassageId().equals(e.passageId())) {
            m.put("lastPassageId", e.lastPassageId());
        }
        m.put("start", e.start());
        m.put("end", e.end());
        m.put("quote", e.quote());
        m.put("file", e.file());
        m.put("page", e.page());
        m.put("sha256", e.sha256());
        m.put("stance", e.stance().id());
        if (e.note() != null) {
            m.put("note", e.note());
        }
        if (e.provenance().query() != null) {
            m.put("query", e.provenance().query());
            m.put("filters", e.provenance().filters());
        }
        return m;
    }
}
