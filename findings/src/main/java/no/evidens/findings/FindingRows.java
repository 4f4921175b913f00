package no.evidens.findings;

import static no.evidens.findings.Jdbc.generatedKey;
import static no.evidens.findings.Jdbc.instant;
import static no.evidens.findings.Jdbc.time;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The finding and requirement rows of the findings store, read and written inside a transaction the caller holds. */
final class FindingRows {
    /** A finding's columns, and its number in the report: the findings of its kind in its case up to its place. */
    private static final String FINDING_SELECT = "SELECT f.id, f.case_id, f.kind, f.number, f.title, f.text, f.status, f.created_by,"
            + " f.created_at, f.updated_by, f.updated_at, f.version, f.position, (SELECT COUNT(*) FROM finding g WHERE g.case_id = f.case_id"
            + " AND g.kind = f.kind AND (g.position < f.position OR (g.position = f.position AND g.number <= f.number))) FROM finding f";

    private final Connection c;

    FindingRows(Connection c) {
        this.c = c;
    }

    /** The findings of a case in the report's order. */
    List<Finding> ofCase(String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINDING_SELECT + " WHERE f.case_id = ?")) {
            ps.setString(1, caseId);
            List<Finding> out = rows(ps);
            out.sort(Comparator.comparingInt(Finding::position).thenComparing(Finding::kind).thenComparingInt(Finding::number));
            return out;
        }
    }

    /** The cases that have findings. */
    List<String> cases() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT case_id FROM finding ORDER BY case_id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    Optional<Finding> byNumber(String caseId, FindingKind kind, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINDING_SELECT + " WHERE f.case_id = ? AND f.kind = ? AND f.number = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, kind.id());
            ps.setInt(3, number);
            return rows(ps).stream().findFirst();
        }
    }

    Optional<Finding> byId(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINDING_SELECT + " WHERE f.id = ?")) {
            ps.setLong(1, id);
            return rows(ps).stream().findFirst();
        }
    }

    int count(String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM finding WHERE case_id = ?")) {
            ps.setString(1, caseId);
            return Jdbc.single(ps);
        }
    }

    int nextNumber(String caseId, FindingKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(number), 0) + 1 FROM finding WHERE case_id = ? AND kind = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, kind.id());
            return Jdbc.single(ps);
        }
    }

    /** Locks an unlocked finding's row for this transaction (so evidence positions are counted by one writer at a time). */
    Finding lockUnlocked(long id) throws SQLException {
        return lockUnlocked(id, null);
    }

    /** … and checks it is at the expected version (when one is given) and not approved. */
    Finding lockUnlocked(long id, Integer expectedVersion) throws SQLException {
        Finding f = lock(id, expectedVersion);
        if (f.locked()) {
            throw new FindingLocked(f.ref() + " is approved (godkjent) and locked: the lead reopens it before it can be changed");
        }
        return f;
    }

    /** Locks a finding's row of an open case for this transaction, at the expected version when one is given. */
    Finding lock(long id, Integer expectedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM finding WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new FindingsRefusal("error.finding-gone", "the finding is gone (deleted by someone else?)");
                }
            }
        }
        Finding f = byId(id).orElseThrow();
        CaseLifecycle.requireOpen(c, f.caseId());
        if (expectedVersion != null && expectedVersion != f.version()) {
            throw new StaleFinding(f, expectedVersion);
        }
        return f;
    }

    /** Inserts a finding at a place in its case's report (the caller made room for it: {@link #makeRoom}). */
    long insert(String caseId, FindingKind kind, int number, int position, FindingDraft d, String createdBy, Instant createdAt,
                String updatedBy, Instant updatedAt) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (case_id, kind, number, title, text, status,"
                + " created_by, created_at, updated_by, updated_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, caseId);
            ps.setString(2, kind.id());
            ps.setInt(3, number);
            ps.setString(4, d.title().strip());
            ps.setString(5, d.text() == null ? "" : d.text().strip());
            ps.setString(6, d.status() == null || d.status().isBlank() ? Finding.DRAFT : d.status().strip());
            ps.setString(7, createdBy);
            ps.setObject(8, time(createdAt));
            ps.setString(9, updatedBy);
            ps.setObject(10, time(updatedAt));
            ps.setInt(11, position);
            ps.executeUpdate();
            id = generatedKey(ps);
        }
        insertRequirements(id, d.requirements() == null ? List.of() : d.requirements());
        return id;
    }

    /** Changes the title, text and status, and the requirements when given; a new version. */
    void update(long id, String title, String text, String status, List<LegalRequirement> requirements, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET title = ?, text = ?, status = ?, updated_by = ?,"
                + " updated_at = ?, version = version + 1 WHERE id = ?")) {
            ps.setString(1, title);
            ps.setString(2, text);
            ps.setString(3, status);
            ps.setString(4, actor);
            ps.setObject(5, time(now));
            ps.setLong(6, id);
            ps.executeUpdate();
        }
        if (requirements != null) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM requirement WHERE finding_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            insertRequirements(id, requirements);
        }
    }

    /**
     * Locks the places of a case's findings for this transaction: a second writer of the case (another connection) waits
     * here until this one has committed, then reads the places as they are. Taken before any finding's row, so two
     * writers cannot each hold what the other waits for.
     */
    void lockPlaces(String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO case_places KEY (case_id) VALUES (?)")) {
            ps.setString(1, caseId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id FROM case_places WHERE case_id = ? FOR UPDATE")) {
            ps.setString(1, caseId);
            ps.executeQuery().close();
        }
    }

    /**
     * Where a new finding of this kind goes in its case's report: after the last finding of its kind or of a kind the
     * report puts before it (avvik, merknad, observasjon), so a case nobody reordered keeps that order.
     */
    int placeFor(String caseId, FindingKind kind) throws SQLException {
        int after = 0;
        for (Finding f : ofCase(caseId)) {
            if (f.kind().compareTo(kind) <= 0) {
                after = Math.max(after, f.position());
            }
        }
        return after + 1;
    }

    /** Moves the findings of a case at or after a place one place on (a finding is put there next). */
    void makeRoom(String caseId, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET position = position + 1 WHERE case_id = ? AND position >= ?")) {
            ps.setString(1, caseId);
            ps.setInt(2, position);
            ps.executeUpdate();
        }
    }

    /** Gives a finding its place in the report (its version is counted by {@link #touch} where the move is its own). */
    void place(long id, int position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET position = ? WHERE id = ?")) {
            ps.setInt(1, position);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    void renumber(long id, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET number = ? WHERE id = ?")) {
            ps.setInt(1, number);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    void delete(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM finding WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /** A new version of the finding, changed by this actor now (its evidence changed). */
    void touch(long findingId, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            ps.setString(1, actor);
            ps.setObject(2, time(now));
            ps.setLong(3, findingId);
            ps.executeUpdate();
        }
    }

    private void insertRequirements(long findingId, List<LegalRequirement> requirements) throws SQLException {
        int position = 1;
        for (LegalRequirement r : requirements) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO requirement (finding_id, position, law, sections, text) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, findingId);
                ps.setInt(2, position++);
                ps.setString(3, r.law());
                ps.setString(4, String.join("\n", r.sections()));
                ps.setString(5, r.text());
                ps.executeUpdate();
            }
        }
    }

    private List<Finding> rows(PreparedStatement ps) throws SQLException {
        List<Finding> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                out.add(new Finding(id, rs.getString(2), FindingKind.of(rs.getString(3)), rs.getInt(4), rs.getString(5),
                        List.of(), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10),
                        instant(rs, 11), rs.getInt(12), rs.getInt(13), rs.getInt(14)));
            }
        }
        List<Finding> withRequirements = new ArrayList<>(out.size());
        for (Finding f : out) {
            withRequirements.add(new Finding(f.id(), f.caseId(), f.kind(), f.number(), f.title(), requirements(f.id()),
                    f.text(), f.status(), f.createdBy(), f.createdAt(), f.updatedBy(), f.updatedAt(), f.version(), f.position(),
                    f.reportNumber()));
        }
        return withRequirements;
    }

    private List<LegalRequirement> requirements(long findingId) throws SQLException {
        List<LegalRequirement> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT law, sections, text FROM requirement WHERE finding_id = ? ORDER BY position")) {
            ps.setLong(1, findingId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sections = rs.getString(2);
                    out.add(new LegalRequirement(rs.getString(1),
                            sections.isEmpty() ? List.of() : Arrays.asList(sections.split("\n")), rs.getString(3)));
                }
            }
        }
        return out;
    }
}
