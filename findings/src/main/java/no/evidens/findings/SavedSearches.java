package no.evidens.findings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import no.evidens.findings.trail.AuditTrail;

/**
 * A case's saved searches (lagrede søk) and the language its exports speak. Made by
 * {@link FindingStore#savedSearches()}, in the store's transactions.
 */
public final class SavedSearches {
    /** Longest name of a saved search. */
    public static final int MAX_NAME = 200;

    /**
     * One saved search.
     *
     * @param filters   the facet filters, each {@code dimension:value}
     * @param hitsSaved how many passages it found when it was saved
     */
    public record Saved(long id, String caseId, String name, String query, List<String> filters, long hitsSaved,
                        Instant savedAt, String savedBy) {
        public Saved {
            filters = List.copyOf(filters);
        }
    }

    /**
     * What {@link #save(String, String, String, List, long, String, boolean)} did.
     *
     * @param saved    the search as saved now
     * @param replaced the search saved before under the same name, which it replaced, if any
     */
    public record Saving(Saved saved, Optional<Saved> replaced) {
    }

    private final AuditTrail.Transactions tx;

    SavedSearches(AuditTrail.Transactions tx) {
        this.tx = tx;
    }

    /**
     * Refuses ({@link FindingsRefusal}) a name {@link #save} cannot keep (blank, or over {@value #MAX_NAME} characters) and a
     * filter that holds a line break: callers that search before saving ask first, so that such a mistake is told before
     * what the search says.
     */
    public static void requireValid(String name, List<String> filters) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new FindingsRefusal("error.saved.name", "a saved search needs a name of 1 to " + MAX_NAME + " characters", MAX_NAME);
        }
        for (String f : filters) {
            if (f.indexOf('\n') >= 0) {
                throw new FindingsRefusal("error.saved.filter-line", "a filter holds a line break");
            }
        }
    }

    /**
     * Saves a search under a name; a search saved before under the same name in the case is replaced.
     *
     * @throws CaseClosed when the case is closed
     */
    public Saved save(String caseId, String name, String query, List<String> filters, long hits, String actor) {
        return save(caseId, name, query, filters, hits, actor, true).saved();
    }

    /**
     * Saves a search under a name; a search saved before under the same name in the case is replaced, when the actor saved
     * it or {@code othersToo} (the case's lead): checked in the same transaction as the change.
     *
     * @throws CaseClosed          when the case is closed
     * @throws SavedSearchNotYours when the name's search was saved by someone else and {@code othersToo} is false
     */
    public Saving save(String caseId, String name, String query, List<String> filters, long hits, String actor, boolean othersToo) {
        requireValid(name, filters);
        String kept = name.strip();
        return tx.write(c -> {
            CaseLifecycle.requireOpen(c, caseId);
            Optional<Saved> before = one(c, " WHERE case_id = ? AND name = ?", caseId, kept);
            before.ifPresent(b -> requireChangeable(b, actor, othersToo));
            try (PreparedStatement del = c.prepareStatement("DELETE FROM saved_search WHERE case_id = ? AND name = ?")) {
                del.setString(1, caseId);
                del.setString(2, kept);
                del.executeUpdate();
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO saved_search (case_id, name, query, filters, hits_saved, saved_at,"
                    + " saved_by) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, caseId);
                ps.setString(2, kept);
                ps.setString(3, query);
                ps.setString(4, String.join("\n", filters));
                ps.setLong(5, hits);
                ps.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(7, actor);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Saving(new Saved(keys.getLong(1), caseId, kept, query, filters, hits, now, actor), before);
                }
            }
        });
    }

    /** Whether this actor may replace or delete the search: their own always, anyone's with {@code othersToo}. */
    public static boolean changeable(Saved s, String actor, boolean othersToo) {
        return othersToo || s.savedBy().equals(actor);
    }

    private static void requireChangeable(Saved s, String actor, boolean othersToo) {
        if (!changeable(s, actor, othersToo)) {
            throw new SavedSearchNotYours(s.caseId(), s.name(), s.savedBy());
        }
    }

    /** The case's saved searches, by name. */
    public List<Saved> list(String caseId) {
        return tx.read(c -> {
            List<Saved> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE case_id = ? ORDER BY LOWER(name), id")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    /** Deletes one; false when the case has no such saved search. */
    public boolean delete(String caseId, long id) {
        return delete(caseId, id, null, true).isPresent();
    }

    /**
     * Deletes one, when the actor saved it or {@code othersToo} (the case's lead): checked in the same transaction.
     *
     * @return the search deleted; empty when the case has no such saved search
     * @throws CaseClosed          when the case is closed
     * @throws SavedSearchNotYours when someone else saved it and {@code othersToo} is false
     */
    public Optional<Saved> delete(String caseId, long id, String actor, boolean othersToo) {
        return tx.write(c -> {
            CaseLifecycle.requireOpen(c, caseId);
            Optional<Saved> found = one(c, " WHERE case_id = ? AND id = ?", caseId, id);
            if (found.isEmpty()) {
                return found;
            }
            requireChangeable(found.get(), actor, othersToo);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM saved_search WHERE case_id = ? AND id = ?")) {
                ps.setString(1, caseId);
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            return found;
        });
    }

    private static Optional<Saved> one(Connection c, String where, String caseId, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            ps.setString(1, caseId);
            ps.setObject(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The language code ({@code nb}, {@code nn}) the case's exports speak, when one was chosen. */
    public Optional<String> language(String caseId) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT language FROM case_language WHERE case_id = ?")) {
                ps.setString(1, caseId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Chooses the language of the case's exports. */
    public void setLanguage(String caseId, String language, String actor) {
        tx.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO case_language (case_id, language, set_at, set_by) KEY (case_id)"
                    + " VALUES (?, ?, ?, ?)")) {
                ps.setString(1, caseId);
                ps.setString(2, language);
                ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setString(4, actor);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static final String SELECT = "SELECT id, case_id, name, query, filters, hits_saved, saved_at, saved_by FROM saved_search";

    private static Saved read(ResultSet rs) throws SQLException {
        String filters = rs.getString(5);
        return new Saved(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                filters.isEmpty() ? List.of() : Arrays.asList(filters.split("\n")), rs.getLong(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8));
    }
}
