package no.evidens.pipeline.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import no.evidens.access.AccessStore;
import no.evidens.access.Account;
import no.evidens.access.Membership;
import no.evidens.access.Role;
import no.evidens.access.SignIn;
import no.evidens.access.UserLanguages;

/**
 * The server's view of the access database ({@code <home>/access/}): it opens the database for each
 * piece of work and closes it again, so that {@code evidens user} and {@code evidens member} can change
 * it while the server runs. A signed-in user's roles are read at most every {@link #FRESH} (and at once
 * after a change made here), not on every request; and at once after another process may have changed them, when they
 * were read from a database this server keeps open ({@link AccessStore#current()}).
 */
final class Accounts {
    static final Duration FRESH = Duration.ofSeconds(3);

    /** @param current whether the database still holds what was read ({@link AccessStore#current()}), or null: not known */
    private record Cached(Optional<Account> account, Map<String, Role> roles, Optional<String> language, long loadedNanos,
                          BooleanSupplier current) {
        boolean fresh() {
            return System.nanoTime() - loadedNanos <= FRESH.toNanos() && (current == null || current.getAsBoolean());
        }
    }

    private final Supplier<AccessStore> stores;
    private final SignIn signIn;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** @param stores opens the access database for a piece of work (in the home, or on the store server) */
    Accounts(Supplier<AccessStore> stores, Clock clock) {
        this.stores = stores;
        this.signIn = new SignIn(clock);
    }

    <T> T with(Function<AccessStore, T> work) {
        try (AccessStore store = stores.get()) {
            return work.apply(store);
        }
    }

    SignIn.Outcome attempt(String user, char[] password) {
        return with(s -> signIn.attempt(s, user, password));
    }

    /** The signed-in user's access for a request with this session token; empty when the account is gone or disabled. */
    Optional<CaseAccess> access(String user, String token) {
        Cached found = cached(user);
        return found.account().filter(a -> !a.disabled()).map(a -> new CaseAccess(a.name(), a.admin(), false, found.roles(), token));
    }

    private Cached cached(String user) {
        Cached c = cache.get(user);
        if (c == null || !c.fresh()) {
            c = with(s -> {
                Map<String, Role> roles = new TreeMap<>();
                s.membershipsOf(user).forEach(m -> roles.put(m.caseId(), m.role()));
                return new Cached(s.find(user), roles, UserLanguages.of(s, user), System.nanoTime(), s.current());
            });
            cache.put(user, c);
        }
        return c;
    }

    /** The workspace language the user keeps with their account, if they chose one. */
    Optional<String> language(String user) {
        return cached(user).language();
    }

    /** Keeps the user's choice of language with their account; false when there is no such account (the single-user mode). */
    boolean setLanguage(String user, String code) {
        boolean stored = with(s -> UserLanguages.set(s, user, code));
        cache.remove(user);
        return stored;
    }

    List<Membership> members(String caseId) {
        return with(s -> s.members(caseId));
    }

    /** Every case with at least one member (for an administrator's list of all cases: no case without a member is here). */
    Set<String> memberCases() {
        return with(s -> {
            Set<String> cases = new TreeSet<>();
            s.users().forEach(a -> s.membershipsOf(a.name()).forEach(m -> cases.add(m.caseId())));
            return cases;
        });
    }

    /**
     * Gives an account a role in a case (a new member, or another role). A name that can be no account's, or names
     * none, is refused in the catalogue's words (the store's own sentence is English, and the workspace only said
     * that the server refused it).
     */
    Membership addMember(String caseId, String user, Role role, String by) {
        try {
            AccessStore.checkName(user);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("error.members.bad-name");
        }
        Membership m = with(s -> {
            if (s.find(user).isEmpty()) {
                throw ApiError.badRequest("error.members.no-user", user);
            }
            return s.addMember(caseId, user, role, by);
        });
        cache.remove(user);
        return m;
    }

    boolean removeMember(String caseId, String user) {
        boolean removed = with(s -> s.removeMember(caseId, user));
        cache.remove(user);
        return removed;
    }

    /**
     * Makes the user lead of a case that has no members yet (a new case); false when it has members.
     * Done in one opening of the database, so two users cannot both claim the same case.
     */
    boolean claim(String caseId, String user) {
        boolean claimed = with(s -> {
            if (!s.members(caseId).isEmpty()) {
                return false;
            }
            s.addMember(caseId, user, Role.LEAD, user);
            return true;
        });
        cache.remove(user);
        return claimed;
    }
}
