package no.evidens.findings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** The user of a store in a folder. */
    public static final String FILE_USER = "evidens";
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
    private static final Pattern REF = Pattern.compile("(?i)\\s*(avvik|merknad|observasjon)[\\s_-]*(\\d{1,6})\\s*");

    private final Path dir;
    private final Connection c;
    private final Transactor tx;
    private final FindingRows findingRows;
    private final EvidenceRows evidenceRows;
    private final HistoryRows historyRows;
    private final FindingEdits findingEdits;
    private final EvidenceEdits evidenceEdits;
    /** The schema upgrade this open made, or null. */
    private SchemaUpgrade upgrade;

    private FindingStore(Path dir, Connection c) {
        this.dir = dir;
        this.c = c;
        this.tx = new Transactor(c);
        this.findingRows = new FindingRows(c);
        this.evidenceRows = new EvidenceRows(c);
        this.historyRows = new HistoryRows(c);
        this.findingEdits = new FindingEdits(c, findingRows, evidenceRows, historyRows);
        this.evidenceEdits = new EvidenceEdits(findingRows, evidenceRows, historyRows);
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
        String url = fileUrl(abs);
        long deadline = System.nanoTime() + lockWait.toNanos();
        try {
            Files.createDirectories(abs);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the findings folder " + abs + ": " + e.getMessage(), e);
        }
        while (true) {
            try {
                Connection c = DriverManager.getConnection(url, FILE_USER, "");
                try {
                    c.setAutoCommit(false);
                    SchemaUpgrade upgrade;
                    synchronized (Migrations.class) {
                        upgrade = SchemaUpgrade.keepBefore(c, abs);
                        Migrations.migrate(c);
                    }
                    FindingStore store = new FindingStore(abs, c);
                    store.upgrade = upgrade;
                    return store;
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    throw new IllegalStateException("cannot open the findings store in " + abs + ": " + Jdbc.firstLine(e), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new StoreInUse("the findings store in " + abs + " is in use by another process; try again", e);
                }
                sayWaiting(abs);
                Jdbc.sleep(20 + ThreadLocalRandom.current().nextInt(80));
            }
        }
    }

    /**
     * A store on another connection to the database in {@code dir} while this process holds it open with a store made by
     * {@link #open(Path, Duration)} (a web server's kept connections): the schema is not read again, since that opening
     * brought it up to date and, while it stays open, no other process can open the file to change it (H2's file lock).
     *
     * @param c a connection to {@link #fileUrl(Path)}, closed (or given back to its pool) by {@link #close()}
     */
    public static FindingStore whileHeld(Path dir, Connection c) {
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the findings store in " + dir + ": " + Jdbc.firstLine(e), e);
        }
        return new FindingStore(dir.toAbsolutePath().normalize(), c);
    }

    /**
     * The JDBC address of the store in {@code dir} (its user {@value #FILE_USER}, no password: the file is the home's). Also for
     * copying the store as SQL ({@code evidens store move-to-server}).
     */
    public static String fileUrl(Path dir) {
        // WRITE_DELAY=0: a commit is written to the file at once, not up to half a second later, so a
        // process killed after a commit still has it on disk.
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve(DB_NAME) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /**
     * Opens the store kept on a database server ({@code evidens store serve}: H2's TCP server), which several processes
     * on several machines use at once. There is no file lock to wait for: H2 locks rows, and a change that collides with
     * another process's is tried again ({@link Transactor}). The schema is brought up to date by one process at a time
     * ({@link Migrations#migrateShared}).
     *
     * @param url  the database's JDBC address, {@code jdbc:h2:tcp://host:port/evidens-findings}
     * @param wait how long to go on trying while another process migrates the schema (the server refuses new
     *             connections meanwhile)
     * @throws IllegalStateException when the server cannot be reached or refuses the password (its cause the
     *                               driver's {@link SQLException}), or the schema is newer than this Evidens
     */
    public static FindingStore onServer(String url, String user, String password, Duration wait) {
        return onServer(ServerConnection.source(url, user, password), ServerConnection.where(url), wait);
    }

    /**
     * Opens the store on a database server with a connection from {@code source}: a pool of connections kept open (a web
     * server's), whose connection goes back to it when the store is closed, or a new connection each time. The schema's
     * version is read on every new connection, and on a kept one only when its source does not remember it read there
     * ({@link KeptConnections}).
     *
     * @param where the server and database, for messages
     * @param wait  how long to go on trying while another process has the database in exclusive mode
     * @throws IllegalStateException as {@link #onServer(String, String, String, Duration)}
     */
    public static FindingStore onServer(javax.sql.DataSource source, String where, Duration wait) {
        Connection c = ServerConnection.open(source, where, wait, "the findings store");
        try {
            c.setAutoCommit(false);
            KeptConnections kept = source instanceof KeptConnections k ? k : null;
            if (kept == null || !kept.schemaChecked(c)) {
                Migrations.migrateShared(c);
                if (kept != null) {
                    kept.schemaCheckedNow(c);
                }
            }
            return new FindingStore(null, c);
        } catch (SQLException e) {
            ServerConnection.close(c);
            throw new IllegalStateException("cannot open the findings store on " + where + ": " + Jdbc.firstLine(e), e);
        } catch (RuntimeException e) {
            ServerConnection.close(c);
            throw e;
        }
    }

    /**
     * The file a process touches while it waits for the store another process has open: a process that keeps
     * the store open for long (a server's audit-trail writer) lets go when it sees this file changed.
     */
    public static Path waitingFile(Path dir) {
        return dir.toAbsolutePath().normalize().resolve(DB_NAME + ".waiting");
    }

    private static void sayWaiting(Path abs) {
        try {
            Path f = waitingFile(abs);
            if (!Files.exists(f)) {
                Files.createFile(f);
            }
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (java.io.IOException e) {
            // not said: the holder lets go after its longest hold all the same
        }
    }

    /** The store's folder; null for a store on a database server. */
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
                    return tx.write(() -> work.run(c));
                }
            }

            @Override
            public <T> T read(AuditTrail.Work<T> work) {
                synchronized (FindingStore.this) {
                    return tx.read(() -> work.run(c));
                }
            }
        };
    }

    /**
     * Writes a transactionally consistent copy of the whole store (findings, history, audit trail) to a
     * zip, while others may go on using it: H2's online {@code BACKUP TO}.
     */
    public synchronized void backupTo(Path zip) {
        tx.write(() -> {
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
        return tx.write(() -> {
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

    /**
     * The upgrade of an older store's schema that opening it made (with where the store as it was is kept), or empty: a
     * store already at this Evidens's schema, a new one, or one on a store server (whose own start upgrades it).
     */
    public Optional<SchemaUpgrade> upgrade() {
        return Optional.ofNullable(upgrade);
    }

    public synchronized int schemaVersion() {
        return tx.read(() -> Migrations.current(c));
    }

    // ---------------------------------------------------------------- findings (FindingEdits, FindingRows)

    /** Creates a finding with the next number of its kind in the case. */
    public synchronized Finding create(String caseId, FindingKind kind, FindingDraft draft, String actor) {
        requireText(caseId, "a case", "error.field.missing", "case");
        requireText(draft.title(), "a title", "error.title-empty");
        requireFits(draft);
        return tx.write(() -> findingEdits.create(caseId, kind, draft, actor));
    }

    /**
     * Creates a finding and attaches its first quotation as one transaction: when the quotation cannot
     * be attached, no finding is left behind.
     *
     * @return the evidence item; its finding is {@link EvidenceItem#findingId()}
     */
    public synchronized EvidenceItem createWithEvidence(String caseId, FindingKind kind, FindingDraft draft, EvidenceDraft first,
                                                        String actor) {
        requireText(caseId, "a case", "error.field.missing", "case");
        requireText(draft.title(), "a title", "error.title-empty");
        requireFits(draft);
        return tx.write(() -> evidenceEdits.attachTo(findingEdits.create(caseId, kind, draft, actor), first, actor));
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
        requireFits(changes);
        return tx.write(() -> findingEdits.edit(finding, changes, actor, expectedVersion));
    }

    /**
     * Takes a review step: sends to review, approves (the lead only), or reopens (an approved one: the lead only).
     *
     * @param lead            whether the actor is the case's lead
     * @param expectedVersion the version the step was taken on, or null
     */
    public synchronized Finding review(Finding finding, ReviewStep step, boolean lead, String actor, Integer expectedVersion) {
        return tx.write(() -> findingEdits.review(finding, step, lead, actor, expectedVersion));
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
        tx.write(() -> {
            findingEdits.delete(finding, actor, expectedVersion);
            return null;
        });
    }

    /**
     * Puts findings of one case at a place in its report, one after the other ({@code avvik-2} before {@code avvik-1});
     * each one moved gets a new version and a history row, the report numbers them in their new order, their
     * references stay.
     *
     * @param position        the place of the first (1 = first; past the end: last)
     * @param expectedVersion the version the move was asked on (a single finding only), or null
     * @return the case's findings in their new order
     * @throws FindingLocked when one of them is approved; {@link CaseClosed} when the case is closed
     */
    public synchronized List<Finding> order(List<Finding> findings, int position, String actor, Integer expectedVersion) {
        if (findings.isEmpty()) {
            throw new FindingsRefusal("error.order.none", "name the finding to move");
        }
        return tx.write(() -> findingEdits.order(findings, position, actor, expectedVersion));
    }

    /** The findings of a case in the report's order (avvik, then merknad, then observasjon, each by number, until moved). */
    public synchronized List<Finding> findings(String caseId) {
        return tx.read(() -> findingRows.ofCase(caseId));
    }

    /** The cases that have findings. */
    public synchronized List<String> cases() {
        return tx.read(findingRows::cases);
    }

    /**
     * The finding a reference names: {@code avvik-1}, {@code merknad 2}, {@code Avvik1}.
     *
     * @throws IllegalArgumentException for a malformed reference or one the case does not have
     */
    public synchronized Finding finding(String caseId, String ref) {
        Matcher m = REF.matcher(ref == null ? "" : ref);
        if (!m.matches()) {
            throw new FindingsRefusal("error.finding-ref", "'" + ref + "' is not a finding: write it like avvik-1, merknad-2 or observasjon-1", ref);
        }
        FindingKind kind = FindingKind.of(m.group(1));
        int number = Integer.parseInt(m.group(2));
        return tx.read(() -> findingRows.byNumber(caseId, kind, number).orElseThrow(() -> new FindingsRefusal("error.finding-unknown", "case " + caseId
                + " has no " + Finding.ref(kind, number) + " (see: evidens finding list --case " + caseId + ")", caseId, Finding.ref(kind, number))));
    }

    public synchronized Optional<Finding> findingById(long id) {
        return tx.read(() -> findingRows.byId(id));
    }

    // ---------------------------------------------------------------- evidence (EvidenceEdits, EvidenceRows)

    /** Attaches an evidence item at the end of the finding's list. */
    public synchronized EvidenceItem attach(Finding finding, EvidenceDraft e, String actor) {
        return tx.write(() -> evidenceEdits.attachTo(findingRows.lockUnlocked(finding.id()), e, actor));
    }

    /** The evidence of a finding, in order. */
    public synchronized List<EvidenceItem> evidence(long findingId) {
        return tx.read(() -> evidenceRows.of(findingId));
    }

    /**
     * One evidence item by its id.
     *
     * @throws IllegalArgumentException when the store has no such item
     */
    public synchronized EvidenceItem item(long evidenceId) {
        return tx.read(() -> evidenceRows.item(evidenceId));
    }

    /** Removes an evidence item; the ones after it move up. */
    public synchronized void detach(long evidenceId, String actor) {
        tx.write(() -> {
            evidenceEdits.detach(evidenceId, actor);
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
        return tx.write(() -> evidenceEdits.move(evidenceId, toFinding, position, actor));
    }

    // ---------------------------------------------------------------- history and import (HistoryRows, CaseImport)

    /** The history of a case (findingId null) or of one finding, oldest first. */
    public synchronized List<HistoryEntry> history(String caseId, Long findingId) {
        return tx.read(() -> historyRows.of(caseId, findingId));
    }

    /**
     * Imports the findings, evidence and history of a case exported from another store, as one
     * transaction. Numbers, authors and times are kept; ids are this store's own.
     *
     * @throws IllegalArgumentException when the case already has findings here
     */
    public synchronized void importCase(String caseId, List<ImportedFinding> findings, List<HistoryEntry> history, String actor) {
        tx.write(() -> {
            new CaseImport(findingRows, evidenceRows, historyRows).run(caseId, findings, history, actor);
            return null;
        });
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the findings store: " + Jdbc.firstLine(e), e);
        }
    }

    /** Refuses a blank value; the key and its values word it for a front end. */
    /** The longest title, status and requirement the tables hold (V1__findings.sql); a finding's text has no limit. */
    static final int MAX_TITLE = 4000;
    static final int MAX_STATUS = 40;
    static final int MAX_LAW = 400;
    static final int MAX_REQUIREMENT = 4000;

    /** Refuses, by name, a field longer than its column, which the database would refuse with no word of which. */
    private static void requireFits(FindingDraft draft) {
        requireAtMost(draft.title(), MAX_TITLE, "title");
        requireAtMost(draft.status(), MAX_STATUS, "status");
        if (draft.requirements() != null) {
            for (LegalRequirement r : draft.requirements()) {
                requireAtMost(r.law(), MAX_LAW, "requirements");
                requireAtMost(String.join("\n", r.sections()), MAX_REQUIREMENT, "requirements");
                requireAtMost(r.text(), MAX_REQUIREMENT, "requirements");
            }
        }
    }

    private static void requireAtMost(String s, int max, String field) {
        if (s != null && s.length() > max) {
            throw new FindingsRefusal("error.field.longer-than", "the " + field + " is too long: at most " + max
                    + " characters, it has " + s.length(), field, max, s.length());
        }
    }

    private static void requireText(String s, String what, String key, Object... args) {
        if (s == null || s.isBlank()) {
            throw new FindingsRefusal(key, "a finding needs " + what, args);
        }
    }
}
