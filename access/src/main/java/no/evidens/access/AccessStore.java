package no.evidens.access;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import org.h2.api.ErrorCode;

/**
 * Accounts and memberships in an embedded H2 database of their own, under {@code <home>/access/}.
 * Like the findings store, the file is held by one process at a time: open it for a piece of work and
 * close it, and {@link #open(Path, Duration)} waits while another process (the server, a command) has it.
 * One object is used by one thread at a time.
 */
public final class AccessStore implements AutoCloseable {
    public static final String DB_NAME = "access";
    /** The user of an access database in a folder (no password: the file is the home's). */
    public static final String FILE_USER = "evidens";
    private static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";

    private final Connection c;
    /** The schema upgrade this open made, or null. */
    private AccessUpgrade upgrade;
    /** Whether what was read through this store is still what the database holds ({@link #current()}), or null: not known. */
    private BooleanSupplier current;

    private AccessStore(Connection c) {
        this.c = c;
    }

    /**
     * The upgrade of an older database's schema that opening it made (with where the database as it was is kept), or
     * empty: a database already at this Evidens's schema, a new one, or one on a store server (whose own start upgrades it).
     */
    public java.util.Optional<AccessUpgrade> upgrade() {
        return java.util.Optional.ofNullable(upgrade);
    }

    public static AccessStore open(Path dir) {
        return open(dir, Duration.ofSeconds(30));
    }

    /** Opens (or creates) the access database in {@code dir}, waiting up to {@code lockWait} while another process has it. */
    public static AccessStore open(Path dir, Duration lockWait) {
        Path abs = dir.toAbsolutePath().normalize();
        String url = fileUrl(abs);
        long deadline = System.nanoTime() + lockWait.toNanos();
        try {
            Files.createDirectories(abs);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the access folder " + abs + ": " + e.getMessage(), e);
        }
        while (true) {
            try {
                Connection c = DriverManager.getConnection(url, FILE_USER, "");
                try {
                    c.setAutoCommit(false);
                    AccessUpgrade upgrade;
                    synchronized (Schema.class) {
                        upgrade = AccessUpgrade.keepBefore(c, abs);
                        Schema.migrate(c);
                    }
                    AccessStore store = new AccessStore(c);
                    store.upgrade = upgrade;
                    return store;
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                    throw new IllegalStateException("cannot open the access database in " + abs + ": " + e.getMessage(), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the access database in " + abs + " is in use by another process; try again", e);
                }
                sayWaiting(abs);
                try {
                    Thread.sleep(20 + ThreadLocalRandom.current().nextInt(60));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the access database", ie);
                }
            }
        }
    }

    /**
     * A store on another connection to the database in {@code dir} while this process holds it open with a store made by
     * {@link #open(Path, Duration)} (a web server's kept connections): the schema is not read again, since that opening
     * brought it up to date and, while it stays open, no other process can open the file to change it (H2's file lock).
     *
     * @param c       a connection to {@link #fileUrl(Path)}, closed (or given back to its pool) by {@link #close()}
     * @param current whether the database has been held open by this process without a break since {@code c} was taken,
     *                so that what is read through the store stays what the file holds ({@link #current()})
     */
    public static AccessStore whileHeld(Connection c, BooleanSupplier current) {
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the access database: " + firstLine(e), e);
        }
        AccessStore store = new AccessStore(c);
        store.current = current;
        return store;
    }

    /**
     * The file a process touches every 20–80 ms while it waits for the database another process has open (as the findings
     * store's): a web server that keeps the database open between its requests lets go when it sees it changed.
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
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(Instant.now()));
        } catch (java.io.IOException e) {
            // not said: a holder lets go after its idle time all the same
        }
    }

    /**
     * Whether what was read through this store is, when asked later, still what the database holds: true as long as this
     * process has held the database open without a break since (no other process can have changed it), false from the
     * moment it let go. Null when not known (a store opened for one piece of work, or on a store server): what was read
     * may then be trusted from memory for a short while only.
     */
    public BooleanSupplier current() {
        return current;
    }

    /**
     * Marks what is read through this store as out of date as soon as it is read: a web server's store opened while it has
     * handed the database to a command, which may change it the moment this store is closed.
     */
    public AccessStore readOnce() {
        current = () -> false;
        return this;
    }

    /** The JDBC address of the access database in {@code dir}; also for copying it as SQL ({@code evidens store move-to-server}). */
    public static String fileUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve(DB_NAME) + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /**
     * Opens the access database kept on a database server ({@code evidens store serve}: H2's TCP server), shared by the
     * processes of several machines: no file lock to wait for (H2 locks rows); the schema is brought up to date by one
     * process at a time.
     *
     * @param url  {@code jdbc:h2:tcp://host:port/evidens-access}
     * @param wait how long to go on trying while another process migrates the schema (new connections are refused meanwhile)
     * @throws IllegalStateException when the server cannot be reached or refuses the password (its cause the driver's
     *                               {@link SQLException})
     */
    public static AccessStore onServer(String url, String user, String password, Duration wait) {
        org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return onServer(source, url.substring(url.indexOf(':', "jdbc:".length()) + 1).split(";", 2)[0], wait);
    }

    /**
     * Opens the access database on a database server with a connection from {@code source}: a pool of connections kept open
     * (a web server's), whose connection goes back to it when the store is closed, or a new connection each time. The
     * schema's version is read on every new connection, and on a kept one only when its source does not remember it read
     * there ({@link KeptConnections}).
     *
     * @param where the server and database, for messages
     */
    public static AccessStore onServer(javax.sql.DataSource source, String where, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Connection c;
            try {
                c = source.getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE || System.nanoTime() > deadline) {
                    throw new IllegalStateException("cannot open the access database on " + where + ": " + firstLine(e), e);
                }
                pause();
                continue;
            }
            try {
                c.setAutoCommit(false);
                KeptConnections kept = source instanceof KeptConnections k ? k : null;
                if (kept == null || !kept.schemaChecked(c)) {
                    Schema.migrateShared(c);
                    if (kept != null) {
                        kept.schemaCheckedNow(c);
                    }
                }
                return new AccessStore(c);
            } catch (SQLException | RuntimeException e) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // broken already
                }
                if (e instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("cannot open the access database on " + where + ": " + firstLine((SQLException) e), e);
            }
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static void pause() {
        try {
            Thread.sleep(20 + ThreadLocalRandom.current().nextInt(60));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the access database", ie);
        }
    }

    /** Checks a sign-in name: 1–64 of lower-case letters, digits, dot, dash, underscore. */
    public static String checkName(String name) {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("'" + name + "' is not a user name: use 1-64 lower-case letters, digits, '.', '-' or '_'");
        }
        return name;
    }

    // ---------------------------------------------------------------- accounts

    /** Creates an account; refused when the name is taken. */
    public Account addUser(String name, char[] password, boolean admin) {
        checkName(name);
        String hash = password == null ? null : PasswordHasher.DEFAULT.hash(password);
        return write(() -> {
            if (find(name).isPresent()) {
                throw new IllegalStateException("there is already a user " + name);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO account (name, password_hash, admin, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                ps.setString(1, name);
                ps.setString(2, hash);
                ps.setBoolean(3, admin);
                ps.executeUpdate();
            }
            return find(name).orElseThrow();
        });
    }

    /** Sets a new password; also lifts a lock-out, and ends the user's sessions. */
    public void setPassword(String name, char[] password) {
        String hash = PasswordHasher.DEFAULT.hash(password);
        update(name, "UPDATE account SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE name = ?", hash);
        SessionRows.deleteUser(this, name);
    }

    /** Disables (and ends the sessions of) or enables the account. */
    public void setDisabled(String name, boolean disabled) {
        update(name, "UPDATE account SET disabled = ? WHERE name = ?", disabled);
        if (disabled) {
            SessionRows.deleteUser(this, name);
        }
    }

    public void setAdmin(String name, boolean admin) {
        update(name, "UPDATE account SET admin = ? WHERE name = ?", admin);
    }

    /** Links an identity provider's subject (and e-mail) to the account. */
    public void link(String name, String subject, String email) {
        write(() -> {
            requireUser(name);
            try (PreparedStatement ps = c.prepareStatement("UPDATE account SET subject = ?, email = COALESCE(?, email) WHERE name = ?")) {
                ps.setString(1, subject);
                ps.setString(2, email);
                ps.setString(3, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Account> find(String name) {
        return one("SELECT * FROM account WHERE name = ?", name);
    }

    public Optional<Account> findBySubject(String subject) {
        return one("SELECT * FROM account WHERE subject = ?", subject);
    }

    /** The account with this e-mail address (compared without case), when exactly one has it. */
    public Optional<Account> findByEmail(String email) {
        List<Account> all = many("SELECT * FROM account WHERE LOWER(email) = LOWER(?)", email);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    public List<Account> users() {
        return many("SELECT * FROM account ORDER BY name", null);
    }

    // ---------------------------------------------------------------- sign-in counters (for SignIn)

    record Attempts(String hash, boolean disabled, int failed, Instant lastFailed, Instant lockedUntil) {
    }

    Optional<Attempts> attempts(String name) {
        return read(() -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash, disabled, failed_attempts, last_failed_at, locked_until FROM account WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Attempts(rs.getString(1), rs.getBoolean(2), rs.getInt(3), instant(rs, 4), instant(rs, 5)));
                }
            }
        });
    }

    void recordFailure(String name, Instant at, Instant lockedUntil) {
        write(() -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE account SET failed_attempts = failed_attempts + 1, last_failed_at = ?,"
                    + " locked_until = COALESCE(?, locked_until) WHERE name = ?")) {
                ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                ps.setObject(2, lockedUntil == null ? null : OffsetDateTime.ofInstant(lockedUntil, ZoneOffset.UTC));
                ps.setString(3, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    void recordSuccess(String name) {
        write(() -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- memberships

    /**
     * Adds the user to the case in this role, or changes the role of a member.
     *
     * @throws LastLeadException when the user is the case's last lead and the role is another (nothing is changed)
     */
    public Membership addMember(String caseId, String user, Role role, String by) {
        return write(() -> {
            requireUser(user);
            boolean wasLead = isLead(caseId, user);
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO membership (case_id, user_name, role, added_by, added_at)"
                    + " KEY (case_id, user_name) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                ps.setString(1, caseId);
                ps.setString(2, user);
                ps.setString(3, role.id());
                ps.setString(4, by);
                ps.executeUpdate();
            }
            if (wasLead) {
                requireLead(caseId, user);
            }
            return new Membership(caseId, user, role);
        });
    }

    /**
     * Removes the user from the case; false when they were not a member.
     *
     * @throws LastLeadException when the user is the case's last lead and others are still members (nothing is changed;
     *                           the case's only member may be removed, which leaves it with no members at all)
     */
    public boolean removeMember(String caseId, String user) {
        return write(() -> {
            boolean wasLead = isLead(caseId, user);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM membership WHERE case_id = ? AND user_name = ?")) {
                ps.setString(1, caseId);
                ps.setString(2, user);
                boolean removed = ps.executeUpdate() > 0;
                if (wasLead) {
                    requireLead(caseId, user);
                }
                return removed;
            }
        });
    }

    private boolean isLead(String caseId, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM membership WHERE case_id = ? AND user_name = ? AND role = ?")) {
            ps.setString(1, caseId);
            ps.setString(2, user);
            ps.setString(3, Role.LEAD.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * After a change that took a lead's role from {@code user}, inside its transaction: throws (so the change is rolled
     * back) when the case now has members but no lead. A case without a lead before (members named before its lead) is
     * not refused a reader.
     */
    private void requireLead(String caseId, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(CASE WHEN role = ? THEN 1 END)"
                + " FROM membership WHERE case_id = ?")) {
            ps.setString(1, Role.LEAD.id());
            ps.setString(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0 && rs.getInt(2) == 0) {
                    throw new LastLeadException(caseId, user);
                }
            }
        }
    }

    /** The case's members, by name. */
    public List<Membership> members(String caseId) {
        return memberships("SELECT case_id, user_name, role FROM membership WHERE case_id = ? ORDER BY user_name", caseId);
    }

    /** The user's cases, by case id. */
    public List<Membership> membershipsOf(String user) {
        return memberships("SELECT case_id, user_name, role FROM membership WHERE user_name = ? ORDER BY case_id", user);
    }

    private List<Membership> memberships(String sql, String arg) {
        return read(() -> {
            List<Membership> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Membership(rs.getString(1), rs.getString(2), Role.of(rs.getString(3))));
                    }
                }
            }
            return out;
        });
    }

    // ---------------------------------------------------------------- plumbing

    private void requireUser(String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM account WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("there is no user " + name + " (add one with: evidens user add " + name + ")");
                }
            }
        }
    }

    private void update(String name, String sql, Object value) {
        write(() -> {
            requireUser(name);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, value);
                ps.setString(2, name);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Optional<Account> one(String sql, String arg) {
        List<Account> all = many(sql, arg);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private List<Account> many(String sql, String arg) {
        return read(() -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Account(rs.getString("name"), rs.getBoolean("admin"), rs.getBoolean("disabled"),
                                instant(rs, "created_at"), rs.getString("subject"), rs.getString("email")));
                    }
                }
            }
            return out;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The connection, for the tables kept by classes of their own ({@link SessionRows}), inside {@link #read} or {@link #write}. */
    Connection connection() {
        return c;
    }

    /**
     * Writes a transactionally consistent copy of the whole database (accounts, memberships, sessions, sign-in counts) to a
     * zip while others may go on using it: H2's online {@code BACKUP TO}, as the findings store is backed up (the same
     * few lines there: the access and findings modules share no code, by the house's module rule).
     */
    public void backupTo(Path zip) {
        read(() -> {
            try (PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, zip.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
    }

    /** Unpacks a database written by {@link #backupTo} into {@code dir}, which then holds the access database. */
    public static void restore(Path zip, Path dir) {
        try {
            Files.createDirectories(dir);
            org.h2.tools.Restore.execute(zip.toAbsolutePath().toString(), dir.toAbsolutePath().toString(), DB_NAME);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("cannot restore the access database from " + zip + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    synchronized <T> T read(Work<T> w) {
        try {
            T out = w.run();
            c.commit();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("the access database failed: " + e.getMessage(), e);
        }
    }

    synchronized <T> T write(Work<T> w) {
        try {
            T out = w.run();
            c.commit();
            return out;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the change was not committed
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the access database failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            c.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the access database: " + e.getMessage(), e);
        }
    }
}
