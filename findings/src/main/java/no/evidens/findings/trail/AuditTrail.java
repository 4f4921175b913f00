package no.evidens.findings.trail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit trail of a findings store: append-only and tamper-evident. Each entry carries the SHA-256
 * of the entry before it and of its own content ({@link ChainHash}); after each entry is committed, its
 * id and hash are also appended to a chain file outside the database ({@code <home>/audit-chain.log}).
 * A row changed afterwards no longer matches its hash; a chain recomputed from a changed row no longer
 * matches the chain file. {@link #verify()} finds both and names the entry.
 *
 * <p>Made by {@code FindingStore.trail(chainFile)}: it runs in the store's transactions, on its connection.
 */
public final class AuditTrail {
    /** One unit of work on the store's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** The store's transactions: a change committed as one (retried on a collision), or a read. */
    public interface Transactions {
        <T> T write(Work<T> work);

        <T> T read(Work<T> work);
    }

    private static final String SELECT = "SELECT id, at, actor, action, case_id, target_kind, target, detail, prev_hash, hash"
            + " FROM audit_entry";

    private final Transactions tx;
    private final Path chainFile;
    /**
     * Other chain files that {@link #verify()} reads beside this one (never written): on a store server several homes append
     * to one trail, each anchoring the entries it wrote in its own chain file.
     */
    private final List<Path> otherChains;
    /**
     * Whether other homes write this trail too (a store server): then a home that has written no entry yet has no chain file
     * of its own, which is no sign of a file taken away; its entries are unconfirmed by this home's file, not tampered with.
     */
    private final boolean shared;
    /** The append's statements, prepared on the store's connection at the first append. */
    private Statements statements;

    public AuditTrail(Transactions tx, Path chainFile) {
        this(tx, chainFile, List.of(), false);
    }

    private AuditTrail(Transactions tx, Path chainFile, List<Path> otherChains, boolean shared) {
        this.tx = tx;
        this.chainFile = chainFile;
        this.otherChains = List.copyOf(otherChains);
        this.shared = shared;
    }

    /**
     * This trail, checked also against other homes' chain files: where several homes share the trail on a store server, each
     * anchors the entries it wrote in its own file, and an entry is confirmed by the file of any of them.
     */
    public AuditTrail alsoAnchoredIn(List<Path> files) {
        return new AuditTrail(tx, chainFile, files, shared);
    }

    /** This trail as one that other homes write too (its store is on a store server): see {@link #shared}. */
    public AuditTrail sharedWithOtherHomes() {
        return new AuditTrail(tx, chainFile, otherChains, true);
    }

    public Path chainFile() {
        return chainFile;
    }

    /** Appends an entry: numbered and chained in one transaction, then anchored in the chain file. */
    public AuditEntry record(AuditEvent event) {
        AuditEntry entry = tx.write(c -> append(c, List.of(event))).get(0);
        anchor(entry);
        return entry;
    }

    /**
     * Appends several entries in one transaction, in order, then anchors them in the chain file with one
     * synchronous write: a group commit for a writer that collects the entries of many requests.
     */
    public List<AuditEntry> recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<AuditEntry> entries = tx.write(c -> append(c, events));
        anchor(entries);
        return entries;
    }

    /**
     * Numbers and chains the entries after the trail's head, inserts them and moves the head to the last: the head
     * read (and locked) once and written once for them all.
     */
    private List<AuditEntry> append(Connection c, List<AuditEvent> events) throws SQLException {
        Statements st = statements(c);
        long lastId;
        String lastHash;
        try (ResultSet rs = st.head.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the audit trail has no head row: the findings store is damaged");
            }
            lastId = rs.getLong(1);
            lastHash = rs.getString(2);
        }
        List<AuditEntry> out = new ArrayList<>(events.size());
        PreparedStatement ps = st.insert;
        for (AuditEvent e : events) {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            AuditEntry unhashed = new AuditEntry(lastId + 1, at, e.actor(), e.action(), e.caseId(), e.targetKind(), e.target(),
                    e.detail(), lastHash, null);
            AuditEntry entry = new AuditEntry(unhashed.id(), at, e.actor(), e.action(), e.caseId(), e.targetKind(), e.target(),
                    e.detail(), lastHash, ChainHash.of(unhashed));
            ps.setLong(1, entry.id());
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, entry.actor());
            ps.setString(4, entry.action());
            ps.setString(5, entry.caseId());
            ps.setString(6, entry.targetKind());
            ps.setString(7, entry.target());
            ps.setString(8, entry.detail());
            ps.setString(9, entry.prevHash());
            ps.setString(10, entry.hash());
            ps.executeUpdate();
            out.add(entry);
            lastId = entry.id();
            lastHash = entry.hash();
        }
        st.move.setLong(1, lastId);
        st.move.setString(2, lastHash);
        st.move.executeUpdate();
        return out;
    }

    /**
     * The three statements of an append, prepared on {@code c} once and kept while this trail appends on it: a writer
     * that keeps the store open appends a group of entries a few hundred times a second, and preparing them anew each
     * time (H2 finds the parsed command in its cache, but makes the statement, its parameters and its result anew) was
     * a few percent of its time. They close with the connection.
     */
    private synchronized Statements statements(Connection c) throws SQLException {
        if (statements == null || statements.on != c || statements.head.isClosed()) {
            statements = new Statements(c, c.prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE"),
                    c.prepareStatement("INSERT INTO audit_entry (id, at, actor, action, case_id, target_kind,"
                            + " target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    c.prepareStatement("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1"));
        }
        return statements;
    }

    /** An append's statements, and the connection they were prepared on. */
    private record Statements(Connection on, PreparedStatement head, PreparedStatement insert, PreparedStatement move) {
    }

    /** Appends {@code id hash} to the chain file (one short write with O_APPEND: lines from several writers do not mix). */
    private void anchor(AuditEntry e) {
        anchor(List.of(e));
    }

    /** Appends a line {@code id hash} per entry to the chain file, in one write. */
    private void anchor(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (AuditEntry e : entries) {
            lines.append(e.id()).append(' ').append(e.hash()).append('\n');
        }
        try {
            Files.createDirectories(chainFile.toAbsolutePath().getParent());
            if (!endsWithNewLine()) {
                // a file saved by an editor that drops the last line's end: the first line would be joined to it
                lines.insert(0, '\n');
            }
            Files.write(chainFile, lines.toString().getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
        } catch (IOException x) {
            String which = entries.size() == 1 ? "entry #" + entries.get(0).id() + " is"
                    : "entries #" + entries.get(0).id() + "–#" + entries.get(entries.size() - 1).id() + " are";
            throw new UncheckedIOException(which + " in the audit trail, but " + chainFile + " could not be written: " + x.getMessage(), x);
        }
    }

    /** Whether the chain file is missing, empty or ends with a line's end (two writers that both add one leave a blank line). */
    private boolean endsWithNewLine() throws IOException {
        if (!Files.isRegularFile(chainFile)) {
            return true;
        }
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(chainFile)) {
            if (ch.size() == 0) {
                return true;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ch.position(ch.size() - 1).read(last);
            return last.get(0) == '\n';
        }
    }

    /**
     * The entries of a case, oldest first.
     *
     * @param caseId the case, or null for every entry
     * @param actor  only this person's, or null
     * @param since  only entries at or after this instant, or null
     */
    public List<AuditEntry> entries(String caseId, String actor, Instant since) {
        StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            args.add(caseId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (since != null) {
            sql.append(" AND at >= ?");
            args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        sql.append(" ORDER BY id");
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return rows(ps);
            }
        });
    }

    /** Checks every entry against its hash and the one before it, and the chain file against the entries. */
    public TrailCheck verify() {
        List<AuditEntry> all = tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id")) {
                return rows(ps);
            }
        });
        Problems p = new Problems();
        Map<Long, AuditEntry> byId = new HashMap<>();
        String prev = ChainHash.GENESIS;
        long expected = 1;
        for (AuditEntry e : all) {
            byId.put(e.id(), e);
            if (e.id() != expected) {
                boolean range = e.id() - 1 > expected;
                p.add(expected, (range ? "entries #" + expected + "–#" + (e.id() - 1) + " are" : "entry #" + expected + " is")
                        + " missing from the database (removed)", range ? "trail.missing-range" : "trail.missing", expected, e.id() - 1);
            } else if (!e.prevHash().equals(prev)) {
                p.add(e.id(), "entry #" + e.id() + " does not follow entry #" + (e.id() - 1) + ": the chain is broken there", "trail.broken", e.id(),
                        e.id() - 1);
            }
            if (!ChainHash.of(e).equals(e.hash())) {
                p.add(e.id(), "entry #" + e.id() + " was changed after it was written (" + e.at() + ", " + e.actor() + ", "
                        + e.action() + "): its content no longer matches its hash", "trail.changed", e.id(), e.at(), e.actor(), e.action());
            }
            prev = e.hash();
            expected = e.id() + 1;
        }
        java.util.Set<Long> confirmed = new java.util.HashSet<>();
        java.util.Set<Long> named = new java.util.HashSet<>();
        List<Path> files = new ArrayList<>(List.of(chainFile));
        files.addAll(otherChains);
        for (Path file : files) {
            // the home's own file by its name, as always; another home's by its path, which tells them apart
            Object name = file == chainFile ? file.getFileName() : file;
            Map<Long, String> anchors = anchors(file);
            named.addAll(anchors.keySet());
            for (Map.Entry<Long, String> a : anchors.entrySet()) {
                AuditEntry e = byId.get(a.getKey());
                if (e == null) {
                    p.add(a.getKey(), "entry #" + a.getKey() + " is in " + name + " but not in the database (removed)", "trail.removed",
                            a.getKey(), name);
                } else if (!e.hash().equals(a.getValue())) {
                    p.add(a.getKey(), "entry #" + a.getKey() + " does not match " + name + ": the chain was rewritten from there on",
                            "trail.rewritten", a.getKey(), name);
                } else {
                    confirmed.add(a.getKey());
                }
            }
        }
        if (!all.isEmpty() && named.isEmpty() && !shared) {
            p.add(1L, chainFile.getFileName() + " is missing or empty: the chain cannot be checked against it", "trail.no-anchor",
                    chainFile.getFileName());
        }
        long anchored = confirmed.size();
        List<Long> unconfirmed = named.isEmpty() && !shared ? List.of()
                : all.stream().map(AuditEntry::id).filter(id -> !named.contains(id)).toList();
        return new TrailCheck(all.size(), anchored, p.lines, p.first, p.keyed, unconfirmed);
    }

    /** The chain file's {@code id → hash}; a line cut short by a crash is skipped. */
    private static Map<Long, String> anchors(Path file) {
        Map<Long, String> out = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                readLine(line.strip().split(" "), out);
            }
        } catch (IOException x) {
            throw new UncheckedIOException("cannot read " + file + ": " + x.getMessage(), x);
        }
        return out;
    }

    /**
     * One line of the chain file, {@code id hash}; a line cut short by a crash, or anything else, is skipped. A line whose
     * end an editor took away had the next entry's line joined to it before the writer put the end back
     * ({@code 7 <hash>8 <hash>}): a hash is 64 characters, so the joined entry's id follows right after it.
     */
    private static void readLine(String[] f, Map<Long, String> out) {
        String id = f[0];
        for (int i = 1; i < f.length && !id.isEmpty() && id.length() <= 18 && id.chars().allMatch(Character::isDigit); i++) {
            String t = f[i];
            boolean last = i == f.length - 1;
            if (last ? t.length() != 64 : t.length() <= 64) {
                return;
            }
            out.put(Long.parseLong(id), t.substring(0, 64));
            id = t.substring(64);
        }
    }

    private static List<AuditEntry> rows(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)));
            }
        }
        return out;
    }

    /** The problems found, in order, and the first entry concerned. */
    private static final class Problems {
        final List<String> lines = new ArrayList<>();
        final List<TrailProblem> keyed = new ArrayList<>();
        Long first;

        /** A problem: its English line, and its key and values for a front end's words. */
        void add(long entry, String line, String key, Object... args) {
            lines.add(line);
            keyed.add(new TrailProblem(key, java.util.Arrays.stream(args).map(String::valueOf).toList()));
            first = first == null ? entry : Math.min(first, entry);
        }
    }
}
