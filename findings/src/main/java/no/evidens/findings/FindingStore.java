package no.evidens.findings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.h2.api.ErrorCode;

import no.evidens.findings.trail.AuditTrail;

/**
 * The findings of audit cases and the evidence attached to them, in an embedded H2 database under
 * {@code <home>/findings/}.
 *
 * <p>Why H2 in file mode: it is pure Java in one jar (no server, no native library), gives real ACID
 * transactions over JDBC, and its MVStore engine writes append-only chunks, so a process killed in the
 * middle of a write leaves the last committed state on disk. The database file is locked by the process
 * that has it open (an OS file lock, released when the process ends, however it ends): a second process
 * waits for its turn ({@link #open(Path, Duration)} retries), so two processes never write at once and
 * neither loses anything. Every change is one transaction together with its history row, which the
 * database itself keeps append-only ({@link AppendOnlyTrigger}).
 *
 * <p>One store object holds one connection and is used by one thread at a time (its methods are
 * synchronized). Several store objects on the same folder in one JVM share the database.
 */
public final class FindingStore implements AutoCloseable {
    public static final String DB_NAME = "findings";
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    private static final Pattern REF = Pattern.compile("(?i)\\s*(avvik|merknad|observasjon)[\\s_-]*(\\d{1,6})\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RETRIES = 8;

    private final Path dir;
    private final Connection c;

    private FindingStore(Path dir, Connection c) {
        this.dir = dir;
        this.c = c;
    }

    /** Opens (or creates) the store in {@code dir}, waiting up to a minute for another process to let go of it. */
    public static FindingStore open(Path dir) {
        return open(dir, DEFAULT_LOCK_WAIT);
    }

    /**
     * Opens (or creates) the store in {@code dir} and brings its schema up to date.
     *
     * @param lockWait how long to wait while another process has the store open
     * @throws IllegalStateException when the store stays in use for longer, or cannot be opened
     */
    public static FindingStore open(Path dir, Duration lockWait) {
        Path abs = dir.toAbsolutePath().normalize();
        // WRITE_DELAY=0: a commit is written to the file at once, not up to half a second later, so a
        // process killed after a commit still has it on disk.
        String url = "jdbc:h2:file:" + abs.resolve(DB_NAME) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        long deadline = System.nanoTime() + lockWait.toNanos();
        try {
            Files.createDirectories(abs);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the findings folder " + abs + ": " + e.getMessage(), e);
        }
        while (true) {
            try {
                Connection c = DriverManager.getConnection(url, "evidens", "");
                try {
                    c.setAutoCommit(false);
                    synchronized (Migrations.class) {
                        Migrations.migrate(c);
                    }
                    return new FindingStore(abs, c);
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    throw new IllegalStateException("cannot open the findings store in " + abs + ": " + firstLine(e), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the findings store in " + abs + " is in use by another process; try again", e);
                }
                sleep(20 + ThreadLocalRandom.current().nextInt(80));
            }
        }
    }

    public Path dir() {
        return dir;
    }

    /**
     * The audit trail kept in this store's database, in its transactions (and closed with it).
     *
     * @param chainFile the file outside the database that the latest hashes are appended to
     */
    public AuditTrail trail(Path chainFile) {
        return new AuditTrail(transactions(), chainFile);
    }

    /** Whether cases are closed, and which sources were deleted, in this store's transactions. */
    public CaseLifecycle lifecycle() {
        return new CaseLifecycle(transactions());
    }

    /** The cases' saved searches and export languages, in this store's transactions. */
    public SavedSearches savedSearches() {
        return new SavedSearches(transactions());
    }

    /** The groups of cases (nationwide audits) and the quotations chosen for their reports, in this store's transactions. */
    public CaseGroups groups() {
        return new CaseGroups(transactions());
    }

    private AuditTrail.Transactions transactions() {
        return new AuditTrail.Transactions() {
            @Override
            public <T> T write(AuditTrail.Work<T> work) {
                synchronized (FindingStore.this) {
                    return FindingStore.this.write(() -> work.run(c));
                }
            }

            @Override
            public <T> T read(AuditTrail.Work<T> work) {
                synchronized (FindingStore.this) {
                    return FindingStore.this.read(() -> work.run(c));
                }
            }
        };
    }

    /**
     * Writes a transactionally consistent copy of the whole store (findings, history, audit trail) to a
     * zip, while others may go on using it: H2's online {@code BACKUP TO}.
     */
    public synchronized void backupTo(Path zip) {
        write(() -> {
            try (PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, zip.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
    }

    /** Unpacks a store written by {@link #backupTo} into {@code dir} (which then holds the store). */
    public static void restore(Path zip, Path dir) {
        try {
            Files.createDirectories(dir);
            org.h2.tools.Restore.execute(zip.toAbsolutePath().toString(), dir.toAbsolutePath().toString(), DB_NAME);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("cannot restore the findings store from " + zip + ": " + e.getMessage(), e);
        }
    }

    /**
     * Points the quotations whose bundle lay under {@code from} (an uploaded bundle in the old home) to the
     * same place under {@code to}; for a restored home.
     *
     * @return how many quotations were changed
     */
    public synchronized int moveSources(String from, String to) {
        return write(() -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE evidence SET source_bundle = CONCAT(?, SUBSTRING(source_bundle, ?))"
                    + " WHERE LEFT(source_bundle, ?) = ?")) {
                ps.setString(1, to);
                ps.setInt(2, from.length() + 1);
                ps.setInt(3, from.length());
                ps.setString(4, from);
                return ps.executeUpdate();
            }
        });
    }

    public synchronized int schemaVersion() {
        return read(() -> Migrations.current(c));
    }

    // ---------------------------------------------------------------- findings

    /** Creates a finding with the next number of its kind in the case. */
    public synchronized Finding create(String caseId, FindingKind kind, FindingDraft draft, String actor) {
        requireText(caseId, "a case");
        requireText(draft.title(), "a title");
        return write(() -> insertNew(caseId, kind, draft, actor));
    }

    /**
     * Creates a finding and attaches its first quotation as one transaction: when the quotation cannot
     * be attached, no finding is left behind.
     *
     * @return the evidence item; its finding is {@link EvidenceItem#findingId()}
     */
    public synchronized EvidenceItem createWithEvidence(String caseId, FindingKind kind, FindingDraft draft, EvidenceDraft first,
                                                        String actor) {
        requireText(caseId, "a case");
        requireText(draft.title(), "a title");
        return write(() -> attachTo(insertNew(caseId, kind, draft, actor), first, actor));
    }

    private Finding insertNew(String caseId, FindingKind kind, FindingDraft draft, String actor) throws SQLException {
        CaseLifecycle.requireOpen(c, caseId);
        int number;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM finding WHERE case_id = ? AND kind = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, kind.id());
            number = single(ps);
        }
        Instant now = now();
        long id = insertFinding(caseId, kind, number, draft, actor, now, actor, now);
        Finding f = findingRow(id).orElseThrow();
        history(f, null, "create", actor, now, null, snapshot(f));
        return f;
    }

    /** Changes the title, requirements, text or status (null fields stay as they are). */
    public synchronized Finding edit(Finding finding, FindingDraft changes, String actor) {
        return edit(finding, changes, actor, null);
    }

    /**
     * Changes the title, requirements, text or status (null fields stay as they are), when the finding
     * is still at the version the change was made on.
     *
     * @param expectedVersion the version the change was made on, or null to take it as it is now
     * @throws StaleFinding   when the finding has changed since that version
     * @throws FindingLocked  when it is approved, or the change sets a review status (those are steps: {@link #review})
     */
    public synchronized Finding edit(Finding finding, FindingDraft changes, String actor, Integer expectedVersion) {
        if (changes.status() != null && (changes.status().equals(Finding.IN_REVIEW) || changes.status().equals(Finding.APPROVED))) {
            throw new FindingLocked("the status '" + changes.status() + "' is set by sending to review and approving, not by an edit");
        }
        return write(() -> {
            Finding before = lockFinding(finding.id(), expectedVersion);
            Instant now = now();
            try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET title = ?, text = ?, status = ?, updated_by = ?,"
                    + " updated_at = ?, version = version + 1 WHERE id = ?")) {
                ps.setString(1, changes.title() != null ? changes.title() : before.title());
                ps.setString(2, changes.text() != null ? changes.text() : before.text());
                ps.setString(3, changes.status() != null ? changes.status() : before.status());
                ps.setString(4, actor);
                ps.setObject(5, time(now));
                ps.setLong(6, before.id());
                ps.executeUpdate();
            }
            if (changes.requirements() != null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM requirement WHERE finding_id = ?")) {
                    ps.setLong(1, before.id());
                    ps.executeUpdate();
                }
                insertRequirements(before.id(), changes.requirements());
            }
            Finding after = findingRow(before.id()).orElseThrow();
            history(after, null, "edit", actor, now, snapshot(before), snapshot(after));
            return after;
        });
    }

    /** Deletes a finding and its evidence; the later findings of its kind move up one number. */
    public synchronized void delete(Finding finding, String actor) {
        delete(finding, actor, null);
    }

    /**
     * Deletes a finding and its evidence, when it is still at the version the deletion was asked on.
     *
     * @param expectedVersion that version, or null
     */
    public synchronized void delete(Finding finding, String actor, Integer expectedVersion) {
        write(() -> {
            Finding before = lockFinding(finding.id(), expectedVersion);
            Instant now = now();
            List<EvidenceItem> items = evidenceOf(before.id());
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM finding WHERE id = ?")) {
                ps.setLong(1, before.id());
                ps.executeUpdate();
            }
            Map<String, Object> gone = snapshot(before);
            gone.put("evidence", items.stream().map(FindingStore::snapshot).toList());
            history(before, null, "delete", actor, now, gone, null);
            List<Finding> later = findingsOf(before.caseId()).stream()
                    .filter(f -> f.kind() == before.kind() && f.number() > before.number())
                    .sorted(Comparator.comparingInt(Finding::number)).toList();
            for (Finding f : later) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET number = ? WHERE id = ?")) {
                    ps.setInt(1, f.number() - 1);
                    ps.setLong(2, f.id());
                    ps.executeUpdate();
                }
                Finding renumbered = findingRow(f.id()).orElseThrow();
                history(renumbered, null, "renumber", actor, now, Map.of("ref", f.ref()), Map.of("ref", renumbered.ref()));
            }
            return null;
        });
    }

    /** The findings of a case: avvik, then merknad, then observasjon, each by number. */
    public synchronized List<Finding> findings(String caseId) {
        return read(() -> findingsOf(caseId));
    }

    private List<Finding> findingsOf(String caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINDING_SELECT + " WHERE case_id = ?")) {
            ps.setString(1, caseId);
            List<Finding> out = findingRows(ps);
            out.sort(Comparator.comparing(Finding::kind).thenComparingInt(Finding::number));
            return out;
        }
    }

    /** The cases that have findings. */
    public synchronized List<String> cases() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT case_id FROM finding ORDER BY case_id")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * The finding a reference names: {@code avvik-1}, {@code merknad 2}, {@code Avvik1}.
     *
     * @throws IllegalArgumentException for a malformed reference or one the case does not have
     */
    public synchronized Finding finding(String caseId, String ref) {
        Matcher m = REF.matcher(ref == null ? "" : ref);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + ref + "' is not a finding: write it like avvik-1, merknad-2 or observasjon-1");
        }
        FindingKind kind = FindingKind.of(m.group(1));
        int number = Integer.parseInt(m.group(2));
        return read(() -> {
            try (PreparedStatement ps = c.prepareStatement(FINDING_SELECT + " WHERE case_id = ? AND kind = ? AND number = ?")) {
                ps.setString(1, caseId);
                ps.setString(2, kind.id());
                ps.setInt(3, number);
                List<Finding> rows = findingRows(ps);
                if (rows.isEmpty()) {
                    throw new IllegalArgumentException("case " + caseId + " has no " + Finding.ref(kind, number)
                            + " (see: evidens finding list --case " + caseId + ")");
                }
                return rows.get(0);
            }
        });
    }

    public synchronized Optional<Finding> findingById(long id) {
        return read(() -> findingRow(id));
    }

    private Optional<Finding> findingRow(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(FINDING_SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            return findingRows(ps).stream().findFirst();
        }
    }

    // ---------------------------------------------------------------- evidence

    /** Attaches an evidence item at the end of the finding's list. */
    public synchronized EvidenceItem attach(Finding finding, EvidenceDraft e, String actor) {
        return write(() -> attachTo(lockFinding(finding.id()), e, actor));
    }

    /** Attaches to a finding whose row this transaction holds. */
    private EvidenceItem attachTo(Finding f, EvidenceDraft e, String actor) throws SQLException {
        if (!e.passageId().startsWith(f.caseId() + "/")) {
            throw new IllegalArgumentException("passage " + e.passageId() + " is not in case " + f.caseId());
        }
        int position = evidenceOf(f.id()).size() + 1;
        Instant now = now();
        long id = insertEvidence(f.id(), position, e, actor, now);
        touch(f.id(), actor, now);
        EvidenceItem item = evidenceItem(id);
        history(f, id, "attach", actor, now, null, snapshot(item));
        return item;
    }

    /** The evidence of a finding, in order. */
    public synchronized List<EvidenceItem> evidence(long findingId) {
        return read(() -> evidenceOf(findingId));
    }

    /**
     * One evidence item by its id.
     *
     * @throws IllegalArgumentException when the store has no such item
     */
    public synchronized EvidenceItem item(long evidenceId) {
        return read(() -> evidenceItem(evidenceId));
    }

    /** Removes an evidence item; the ones after it move up. */
    public synchronized void detach(long evidenceId, String actor) {
        write(() -> {
            EvidenceItem item = evidenceItem(evidenceId);
            Finding f = lockFinding(item.findingId());
            item = evidenceItem(evidenceId);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM evidence WHERE id = ?")) {
                ps.setLong(1, evidenceId);
                ps.executeUpdate();
            }
            renumberEvidence(evidenceOf(f.id()));
            Instant now = now();
            touch(f.id(), actor, now);
            history(f, evidenceId, "detach", actor, now, snapshot(item), null);
            return null;
        });
    }

    /**
     * Moves an evidence item to another position, or to another finding of the same case.
     *
     * @param toFinding the finding to move it to, or null to keep it where it is
     * @param position  the position to put it at (1 = first), or null for the end of another finding
     */
    public synchronized EvidenceItem move(long evidenceId, Finding toFinding, Integer position, String actor) {
        return write(() -> {
            EvidenceItem item = evidenceItem(evidenceId);
            long fromId = item.findingId();
            long toId = toFinding == null ? fromId : toFinding.id();
            Finding from;
            Finding to;
            if (fromId <= toId) {
                from = lockFinding(fromId);
                to = lockFinding(toId);
            } else {
                to = lockFinding(toId);
                from = lockFinding(fromId);
            }
            if (!from.caseId().equals(to.caseId())) {
                throw new IllegalArgumentException("evidence cannot move to another case (" + from.caseId() + " → " + to.caseId() + ")");
            }
            item = evidenceItem(evidenceId);
            Map<String, Object> before = place(from, item.position());
            List<EvidenceItem> source = new ArrayList<>(evidenceOf(fromId));
            EvidenceItem moving = item;
            source.removeIf(i -> i.id() == moving.id());
            List<EvidenceItem> target = fromId == toId ? source : new ArrayList<>(evidenceOf(toId));
            int at = position == null ? target.size() : Math.max(0, Math.min(target.size(), position - 1));
            target.add(at, item);
            if (fromId != toId) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE evidence SET finding_id = ? WHERE id = ?")) {
                    ps.setLong(1, toId);
                    ps.setLong(2, evidenceId);
                    ps.executeUpdate();
                }
                renumberEvidence(source);
            }
            renumberEvidence(target);
            Instant now = now();
            touch(fromId, actor, now);
            if (fromId != toId) {
                touch(toId, actor, now);
            }
            EvidenceItem after = evidenceItem(evidenceId);
            history(to, evidenceId, "move", actor, now, before, place(to, after.position()));
            return after;
        });
    }

    // ---------------------------------------------------------------- history

    /** The history of a case (findingId null) or of one finding, oldest first. */
    public synchronized List<HistoryEntry> history(String caseId, Long findingId) {
        return read(() -> {
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
                        out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), nullableLong(rs, 3), rs.getString(4),
                                nullableLong(rs, 5), rs.getString(6), rs.getString(7), instant(rs, 8), rs.getString(9),
                                rs.getString(10)));
                    }
                }
                return out;
            }
        });
    }

    // ---------------------------------------------------------------- import

    /**
     * Imports the findings, evidence and history of a case exported from another store, as one
     * transaction. Numbers, authors and times are kept; ids are this store's own.
     *
     * @throws IllegalArgumentException when the case already has findings here
     */
    public synchronized void importCase(String caseId, List<ImportedFinding> findings, List<HistoryEntry> history, String actor) {
        write(() -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM finding WHERE case_id = ?")) {
                ps.setString(1, caseId);
                if (single(ps) > 0) {
                    throw new IllegalArgumentException("case " + caseId + " already has findings in this store;"
                            + " import it under another case (--case) or delete them first");
                }
            }
            Map<Long, Long> findingIds = new HashMap<>();
            Map<Long, Long> evidenceIds = new HashMap<>();
            for (ImportedFinding imp : findings) {
                Finding f = imp.finding();
                long id = insertFinding(caseId, f.kind(), f.number(),
                        new FindingDraft(f.title(), f.requirements(), f.text(), f.status()),
                        f.createdBy(), f.createdAt(), f.updatedBy(), f.updatedAt());
                findingIds.put(f.id(), id);
                int position = 1;
                for (EvidenceItem e : imp.evidence()) {
                    evidenceIds.put(e.id(), insertEvidence(id, position++, e.evidence(), e.addedBy(), e.addedAt()));
                }
            }
            for (HistoryEntry h : history) {
                insertHistory(caseId, h.findingId() == null ? null : findingIds.get(h.findingId()), h.findingRef(),
                        h.evidenceId() == null ? null : evidenceIds.get(h.evidenceId()), h.action(), h.actor(), h.at(),
                        h.before(), h.after());
            }
            insertHistory(caseId, null, null, null, "import", actor, now(), null,
                    json(Map.of("findings", findings.size(), "historyEntries", history.size())));
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the findings store: " + firstLine(e), e);
        }
    }

    // ---------------------------------------------------------------- rows

    private static final String FINDING_SELECT = "SELECT id, case_id, kind, number, title, text, status, created_by, created_at,"
            + " updated_by, updated_at, version FROM finding";
    private static final String EVIDENCE_SELECT = "SELECT id, finding_id, position, passage_id, last_passage_id, doc_id,"
            + " start_offset, end_offset, quote, title, file, type, page, end_page, sha256, source_bundle, stance, note, query,"
            + " filters, added_by, added_at, normaliser_version FROM evidence";

    private List<Finding> findingRows(PreparedStatement ps) throws SQLException {
        List<Finding> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                out.add(new Finding(id, rs.getString(2), FindingKind.of(rs.getString(3)), rs.getInt(4), rs.getString(5),
                        List.of(), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9), rs.getString(10),
                        instant(rs, 11), rs.getInt(12)));
            }
        }
        List<Finding> withRequirements = new ArrayList<>(out.size());
        for (Finding f : out) {
            withRequirements.add(new Finding(f.id(), f.caseId(), f.kind(), f.number(), f.title(), requirements(f.id()),
                    f.text(), f.status(), f.createdBy(), f.createdAt(), f.updatedBy(), f.updatedAt(), f.version()));
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

    private long insertFinding(String caseId, FindingKind kind, int number, FindingDraft d, String createdBy, Instant createdAt,
                               String updatedBy, Instant updatedAt) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding (case_id, kind, number, title, text, status,"
                + " created_by, created_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
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
            ps.executeUpdate();
            id = generatedKey(ps);
        }
        insertRequirements(id, d.requirements() == null ? List.of() : d.requirements());
        return id;
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

    private long insertEvidence(long findingId, int position, EvidenceDraft e, String actor, Instant at) throws SQLException {
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
            ps.setString(19, json(e.provenance().filters()));
            ps.setString(20, actor);
            ps.setObject(21, time(at));
            ps.setString(22, e.normaliserVersion());
            ps.executeUpdate();
            return generatedKey(ps);
        }
    }

    private EvidenceItem evidenceItem(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVIDENCE_SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            List<EvidenceItem> rows = evidenceRows(ps);
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("there is no evidence item #" + id + " (see: evidens finding show)");
            }
            return rows.get(0);
        }
    }

    private List<EvidenceItem> evidenceOf(long findingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EVIDENCE_SELECT + " WHERE finding_id = ? ORDER BY position, id")) {
            ps.setLong(1, findingId);
            return evidenceRows(ps);
        }
    }

    private List<EvidenceItem> evidenceRows(PreparedStatement ps) throws SQLException {
        List<EvidenceItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> filters = parse(rs.getString(20));
                EvidenceDraft d = new EvidenceDraft(rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
                        rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getInt(13),
                        rs.getInt(14), rs.getString(15), rs.getString(16), Stance.of(rs.getString(17)), rs.getString(18),
                        new Provenance(rs.getString(19), filters), rs.getString(23));
                out.add(new EvidenceItem(rs.getLong(1), rs.getLong(2), rs.getInt(3), d, rs.getString(21), instant(rs, 22)));
            }
        }
        return out;
    }

    private void renumberEvidence(List<EvidenceItem> inOrder) throws SQLException {
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

    /**
     * Takes a review step: sends to review, approves (the lead only), or reopens (an approved one: the lead only).
     *
     * @param lead            whether the actor is the case's lead
     * @param expectedVersion the version the step was taken on, or null
     */
    public synchronized Finding review(Finding finding, ReviewStep step, boolean lead, String actor, Integer expectedVersion) {
        return write(() -> {
            Finding before = lockRow(finding.id(), expectedVersion);
            step.check(before, lead);
            Instant now = now();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE finding SET status = ?, updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
                ps.setString(1, step.to());
                ps.setString(2, actor);
                ps.setObject(3, time(now));
                ps.setLong(4, before.id());
                ps.executeUpdate();
            }
            Finding after = findingRow(before.id()).orElseThrow();
            history(after, null, step.action(), actor, now, snapshot(before), snapshot(after));
            return after;
        });
    }

    /** Locks an unlocked finding's row for this transaction (so evidence positions are counted by one writer at a time). */
    private Finding lockFinding(long id) throws SQLException {
        return lockFinding(id, null);
    }

    /** … and checks it is at the expected version (when one is given) and not approved. */
    private Finding lockFinding(long id, Integer expectedVersion) throws SQLException {
        Finding f = lockRow(id, expectedVersion);
        if (f.locked()) {
            throw new FindingLocked(f.ref() + " is approved (godkjent) and locked: the lead reopens it before it can be changed");
        }
        return f;
    }

    private Finding lockRow(long id, Integer expectedVersion) throws SQLException {
        Finding f = lockedRow(id);
        CaseLifecycle.requireOpen(c, f.caseId());
        if (expectedVersion != null && expectedVersion != f.version()) {
            throw new StaleFinding(f, expectedVersion);
        }
        return f;
    }

    private Finding lockedRow(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM finding WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("the finding is gone (deleted by someone else?)");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(FINDING_SELECT + " WHERE id = ?")) {
            ps.setLong(1, id);
            return findingRows(ps).get(0);
        }
    }

    private void touch(long findingId, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE finding SET updated_by = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            ps.setString(1, actor);
            ps.setObject(2, time(now));
            ps.setLong(3, findingId);
            ps.executeUpdate();
        }
    }

    private void history(Finding f, Long evidenceId, String action, String actor, Instant at, Map<String, Object> before,
                         Map<String, Object> after) throws SQLException {
        insertHistory(f.caseId(), f.id(), f.ref(), evidenceId, action, actor, at, before == null ? null : json(before),
                after == null ? null : json(after));
    }

    private void insertHistory(String caseId, Long findingId, String ref, Long evidenceId, String action, String actor, Instant at,
                               String before, String after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO history (case_id, finding_id, finding_ref, evidence_id, action,"
                + " actor, at, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, caseId);
            setLong(ps, 2, findingId);
            ps.setString(3, ref);
            setLong(ps, 4, evidenceId);
            ps.setString(5, action);
            ps.setString(6, actor);
            ps.setObject(7, time(at));
            ps.setString(8, before);
            ps.setString(9, after);
            ps.executeUpdate();
        }
    }

    /** Where an item stands, for the history (in a fixed order: Map.of's order changes from run to run). */
    private static Map<String, Object> place(Finding f, int position) {
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

    // ---------------------------------------------------------------- transactions

    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs a change as one transaction, again when it collides with a concurrent one (same number taken, lock timeout). */
    private <T> T write(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = work.run();
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback();
                boolean collision = e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1 || e.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1
                        || e.getErrorCode() == ErrorCode.DEADLOCK_1 || e.getErrorCode() == ErrorCode.CONCURRENT_UPDATE_1;
                if (!collision || attempt >= RETRIES) {
                    throw new IllegalStateException("the findings store could not save the change: " + firstLine(e), e);
                }
                sleep(5 + ThreadLocalRandom.current().nextInt(20 * attempt));
            } catch (RuntimeException e) {
                rollback();
                throw e;
            }
        }
    }

    private <T> T read(Work<T> work) {
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new IllegalStateException("the findings store could not be read: " + firstLine(e), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    private void rollback() {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the database rolls the transaction back itself
        }
    }

    // ---------------------------------------------------------------- small helpers

    private static int single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, value);
        }
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime time(Instant i) {
        return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        return rs.getObject(i, OffsetDateTime.class).toInstant();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a history snapshot", e);
        }
    }

    private static Map<String, String> parse(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable filters in the findings store", e);
        }
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("a finding needs " + what);
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the findings store", e);
        }
    }
}
