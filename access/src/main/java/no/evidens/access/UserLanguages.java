package no.evidens.access;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.Set;

/**
 * The workspace language each account chose ({@code nb} or {@code nn}), kept with the account so that
 * it follows the user from browser to browser and across sign-outs.
 */
public final class UserLanguages {
    /** The codes an account may store. */
    public static final Set<String> CODES = Set.of("nb", "nn");

    private UserLanguages() {
    }

    /** The language the user chose, or empty when they never chose one (or there is no such account). */
    public static Optional<String> of(AccessStore store, String user) {
        return store.read(() -> {
            try (PreparedStatement ps = store.connection().prepareStatement("SELECT language FROM account WHERE name = ?")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Stores the user's choice; false when there is no such account. */
    public static boolean set(AccessStore store, String user, String code) {
        if (!CODES.contains(code)) {
            throw new IllegalArgumentException("language must be nb or nn, was '" + code + "'");
        }
        return store.write(() -> {
            try (PreparedStatement ps = store.connection().prepareStatement("UPDATE account SET language = ? WHERE name = ?")) {
                ps.setString(1, code);
                ps.setString(2, user);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
