package no.evidens.findings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import no.evidens.findings.trail.AuditTrail;

/**
 * Groups of cases audited together (a nationwide audit): each case with its municipality and county, and
 * the quotations a report writer chose for the group's summary report (per group: a case may be in several). Made by {@link FindingStore#groups()},
 * in the store's transactions.
 */
public final class CaseGroups {
    /** What a group id may look like: as a case id (lower case letters, digits, hyphens). */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    /** A group and its cases, by municipality. */
    public record Group(String id, String title, String createdBy, Instant createdAt, List<Member> cases) {
        public Group {
            cases = List.copyOf(cases);
        }

        /** The case ids, in the order of {@link #cases()}. */
        public List<String> caseIds() {
            return cases.stream().map(Member::caseId).toList();
        }
    }

    /** One case of a group: the municipality (kommune) audited and its county (fylke). */
    public record Member(String caseId, String municipality, String county) {
        public Member {
            if (caseId == null || caseId.isBlank() || municipality == null || municipality.isBlank() || county == null || county.isBlank()) {
                throw new FindingsRefusal("error.group.member", "a case of a group needs its case id, municipality and county");
            }
            municipality = municipality.strip();
            county = county.strip();
        }
    }

    private final AuditTrail.Transactions tx;

    CaseGroups(AuditTrail.Transactions tx) {
        this.tx = tx;
    }

    /**
     * Creates a group.
     *
     * @throws IllegalArgumentException when the id is not valid or a group has it already
     */
    public Group create(String id, String title, String actor) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new FindingsRefusal("error.group.id", "a group id is lower-case letters, digits and hyphens (e.g. tilsyn-2026), was '" + id + "'", id);
        }
        String t = title == null || title.isBlank() ? id : title.strip();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return tx.write(c -> {
            if (groupIn(c, id).isPresent()) {
                throw new FindingsRefusal("error.group.exists", "there is a group " + id + " already", id);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_group (id, title, created_by, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, t);
                ps.setString(3, actor);
                ps.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return new Group(id, t, actor, now, List.of());
        });
    }

    /**
     * Adds a case to a group, or changes its municipality and county when it is there already.
     *
     * @throws IllegalArgumentException when there is no such group
     */
    public Group add(String groupId, Member member, String actor) {
        return tx.write(c -> {
            require(c, groupId);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO group_case (group_id, case_id, municipality, county, added_by, added_at)"
                    + " KEY (group_id, case_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, groupId);
                ps.setString(2, member.caseId());
                ps.setString(3, member.municipality());
                ps.setString(4, member.county());
                ps.setString(5, actor);
                ps.setObject(6, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                ps.executeUpdate();
            }
            return groupIn(c, groupId).orElseThrow();
        });
    }

    /** Takes a case out of a group; returns the group after. */
    public Group remove(String groupId, String caseId) {
        return tx.write(c -> {
            require(c, groupId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM group_case WHERE group_id = ? AND case_id = ?")) {
                ps.setString(1, groupId);
                ps.setString(2, caseId);
                if (ps.executeUpdate() == 0) {
                    throw new FindingsRefusal("error.group-case", "the case " + caseId + " is not in the group " + groupId, caseId, groupId);
                }
            }
            return groupIn(c, groupId).orElseThrow();
        });
    }

    /** Every group, by id. */
    public List<Group> list() {
        return tx.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM case_group ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<Group> out = new ArrayList<>();
            for (String id : ids) {
                out.add(groupIn(c, id).orElseThrow());
            }
            return out;
        });
    }

    public Optional<Group> group(String id) {
        return tx.read(c -> groupIn(c, id));
    }

    /**
     * Marks a quotation as chosen for a group's summary report, or takes the mark away; the other groups of its case
     * keep their own choices.
     *
     * @throws IllegalArgumentException when there is no such group or quotation, or the quotation's case is not in the group
     */
    public void choose(String groupId, long evidenceId, boolean chosen, String actor) {
        tx.write(c -> {
            require(c, groupId);
            String caseId;
            try (PreparedStatement ps = c.prepareStatement("SELECT f.case_id FROM evidence e JOIN finding f ON f.id = e.finding_id WHERE e.id = ?")) {
                ps.setLong(1, evidenceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new FindingsRefusal("error.quotation-unknown", "there is no quotation #" + evidenceId, evidenceId);
                    }
                    caseId = rs.getString(1);
                }
            }
            if (groupIn(c, groupId).orElseThrow().caseIds().stream().noneMatch(caseId::equals)) {
                throw new FindingsRefusal("error.group-case", "the case " + caseId + " is not in the group " + groupId, caseId, groupId);
            }
            String sql = chosen ? "MERGE INTO group_choice (group_id, evidence_id, chosen_by, chosen_at) KEY (group_id, evidence_id) VALUES (?, ?, ?, ?)"
                    : "DELETE FROM group_choice WHERE group_id = ? AND evidence_id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, groupId);
                ps.setLong(2, evidenceId);
                if (chosen) {
                    ps.setString(3, actor);
                    ps.setObject(4, OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The quotations chosen for a group's report, by id: of the cases in the group now. */
    public Set<Long> chosen(String groupId) {
        return chosen(groupId, null);
    }

    /**
     * The quotations chosen for a group's report, by id, of those of the group's cases in {@code cases} (null: all of them):
     * a member of some of the group's cases is told only of their choices.
     */
    public Set<Long> chosen(String groupId, Set<String> cases) {
        return tx.read(c -> {
            Set<Long> out = new TreeSet<>();
            // The case's membership as EXISTS, not a fourth join: with the join H2 went from the choices to every case of
            // the group and on through their findings and evidence (15 choices at 357 municipalities: about a second cold),
            // where each choice needs only its own quotation, finding and membership looked up by key.
            try (PreparedStatement ps = c.prepareStatement("SELECT r.evidence_id, f.case_id FROM group_choice r"
                    + " JOIN evidence e ON e.id = r.evidence_id JOIN finding f ON f.id = e.finding_id WHERE r.group_id = ?"
                    + " AND EXISTS (SELECT 1 FROM group_case g WHERE g.group_id = r.group_id AND g.case_id = f.case_id)")) {
                ps.setString(1, groupId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (cases == null || cases.contains(rs.getString(2))) {
                            out.add(rs.getLong(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    private static void require(Connection c, String groupId) throws SQLException {
        if (groupIn(c, groupId).isEmpty()) {
            throw new FindingsRefusal("error.group-unknown", "there is no group " + groupId + ": make it with survey create", groupId);
        }
    }

    private static Optional<Group> groupIn(Connection c, String id) throws SQLException {
        String title;
        String by;
        Instant at;
        try (PreparedStatement ps = c.prepareStatement("SELECT title, created_by, created_at FROM case_group WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                title = rs.getString(1);
                by = rs.getString(2);
                at = rs.getObject(3, OffsetDateTime.class).toInstant();
            }
        }
        List<Member> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT case_id, municipality, county FROM group_case WHERE group_id = ?"
                + " ORDER BY county, municipality, case_id")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return Optional.of(new Group(id, title, by, at, members));
    }
}
