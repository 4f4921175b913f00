package no.evidens.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code sign_in_session} table of the access database: sessions by the hash of their id (never
 * the id). Used through an open {@link AccessStore}, in its transactions.
 */
final class SessionRows {
    /** One stored session. */
    record Row(String idHash, String user, Instant created, Instant expires) {
    }

    private SessionRows() {
    }

    static void insert(AccessStore s, Row row) {
        s.write(() -> {
            try (PreparedStatement ps = s.connection().prepareStatement(
                    "INSERT INTO sign_in_session (id_hash, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, row.idHash());
                ps.setString(2, row.user());
                ps.setObject(3, utc(row.created()));
                ps.setObject(4, utc(row.expires()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    static Optional<Row> find(AccessStore s, String idHash) {
        return s.read(() -> {
            try (PreparedStatement ps = s.connection().prepareStatement(
                    "SELECT user_name, created_at, expires_at FROM sign_in_session WHERE id_hash = ?")) {
                ps.setString(1, idHash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(idHash, rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant())) : Optional.<Row>empty();
                }
            }
        });
    }

    static void extend(AccessStore s, String idHash, Instant expires) {
        change(s, "UPDATE sign_in_session SET expires_at = ? WHERE id_hash = ?", utc(expires), idHash);
    }

    static void delete(AccessStore s, String idHash) {
        change(s, "DELETE FROM sign_in_session WHERE id_hash = ?", idHash);
    }

    static void deleteUser(AccessStore s, String user) {
        change(s, "DELETE FROM sign_in_session WHERE user_name = ?", user);
    }

    static void deleteExpired(AccessStore s, Instant now) {
        change(s, "DELETE FROM sign_in_session WHERE expires_at <= ?", utc(now));
    }

    private static void change(AccessStore s, String sql, Object... args) {
        s.write(() -> {
            try (PreparedStatement ps = s.connection().prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
