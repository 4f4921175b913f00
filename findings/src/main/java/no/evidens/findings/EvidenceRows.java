package no.evidens.findings;

import static no.evidens.findings.Jdbc.instant;
import static no.evidens.findings.Jdbc.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The evidence rows (quotations) of the findings store, read and written inside a transaction the caller holds. */
final class EvidenceRows {
    private static final String EVIDENCE_SELECT = "SELECT id, finding_id, position, passage_id, last_passage_id, doc_id,"
            + " start_offset, end_offset, quote, title, file, type, page, end_page, sha256, source_bundle, stance, note, query,"
            + " filters, added_by, added_at, normaliser_version FROM evidence";

    private final Connection c;

    EvidenceRows(Connection c) {
        this.c = c;
    }

    long insert(long findingId, int position, EvidenceDraft e, String actor, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO evidence (finding_id, position, passage_id, last_passage_id,"
                + " doc_id, start_offset, end_offset, quote, title, file, type, page, end_page, sha256, source_bundle, stance, note,"
                + " query, filters, added_by, added_at, normaliser_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, findingId);
            ps.setInt(2, position);
            ps.setString(3, e.passageId());
            ps.setString(4, e.lastPassageId() == null ? e.passageId() : e.lastPassageId());
            ps.setString(5, e.docId());
            ps.setInt(6, e.start());
            ps.setInt(7, e.end());
            ps.setString(8, e.quote());
            ps.setString(9, e.title() == null ? "" : e.title());
            ps.setString(10, e.file());
            ps.setString(11, e.type());
            ps.setInt(12, e.page());
            ps.setInt(13, Math.max(e.page(), e.endPage()));
            ps.setString(14, e.sha256());
            ps.setString(15, e.sourceBundle());
            ps.setString(16, e.stance().id());
            ps.setString(17, e.note());
            ps.setString(18, e.provenance().query());
            ps.setString(19, Jdbc.json(e.provenance().filters()));
            ps.setString(20, actor);
            ps.setObject(21, time(at));
            ps.setString(22, e.normaliserVersion());
            ps.executeUpdate();
            return Jdbc.generatedKey(ps);
        }
    }

    /** One item; throws when the store has no such item. */
    EvidenceItem item(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVIDENCE_SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            List<EvidenceItem> rows = rows(ps);
            if (rows.isEmpty()) {
                throw new FindingsRefusal("error.quotation-unknown", "there is no evidence item #" + id + " (see: evidens finding show)", id);
            }
            return rows.get(0);
        }
    }

    /** The evidence of a finding, in order. */
    List<EvidenceItem> of(long findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVIDENCE_SELECT + " WHERE finding_id = ? ORDER BY position, id")) {
            ps.setLong(1, findingId);
            return rows(ps);
        }
    }

    void delete(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM evidence WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    void moveTo(long id, long findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE evidence SET finding_id = ? WHERE id = ?")) {
            ps.setLong(1, findingId);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Numbers the items 1, 2, … in this order. */
    void renumber(List<EvidenceItem> inOrder) throws SQLException {
        int position = 1;
        for (EvidenceItem i : inOrder) {
            if (i.position() != position) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE evidence SET position = ? WHERE id = ?")) {
                    ps.setInt(1, position);
                    ps.setLong(2, i.id());
                    ps.executeUpdate();
                }
            }
            position++;
        }
    }

    private List<EvidenceItem> rows(PreparedStatement ps) throws SQLException {
        List<EvidenceItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> filters = Jdbc.parse(rs.getString(20));
                EvidenceDraft d = new EvidenceDraft(rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13),
                        rs.getInt(14), rs.getString(15), rs.getString(16), Stance.of(rs.getString(17)), rs.getString(18),
                        new Provenance(rs.getString(19), filters), rs.getString(23));
                out.add(new EvidenceItem(rs.getLong(1), rs.getLong(2), rs.getInt(3), d, rs.getString(21), instant(rs, 22)));
            }
        }
        return out;
    }
}
