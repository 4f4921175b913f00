package no.evidens.pipeline.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import no.evidens.access.Permission;
import no.evidens.access.Role;

/**
 * Who makes this request and what they may do, resolved once per request by {@link ApiHandler} and
 * read by every resource through {@link Exchange#access()}: the one place where a case's roles are
 * checked. In the single-user mode the local user is the lead of every case.
 *
 * @param user     the name the findings' history records
 * @param admin    manages accounts, and may add members to any case
 * @param allCases the single-user mode: lead of every case
 * @param roles    case → role, for a signed-in user
 * @param token    the token state-changing requests must carry (the session's)
 */
record CaseAccess(String user, boolean admin, boolean allCases, Map<String, Role> roles, String token) {
    CaseAccess {
        roles = Map.copyOf(roles);
    }

    /** The single-user mode: one local person, lead of every case. */
    static CaseAccess local(String user, String token) {
        return new CaseAccess(user, true, true, Map.of(), token);
    }

    /** The same access with this role in one more case (just claimed). */
    CaseAccess withRole(String caseId, Role role) {
        Map<String, Role> more = new TreeMap<>(roles);
        more.put(caseId, role);
        return new CaseAccess(user, admin, allCases, more, token);
    }

    /** The user's role in the case, if any. */
    Optional<Role> role(String caseId) {
        return allCases ? Optional.of(Role.LEAD) : Optional.ofNullable(roles.get(caseId));
    }

    boolean may(String caseId, Permission p) {
        return role(caseId).map(r -> r.allows(p)).orElse(false);
    }

    /**
     * Returns the case id when the user may do {@code p} in it; else 403 (not a member, or a role that
     * does not allow it). Resources call this with every case a request names, before reading anything.
     */
    String require(String caseId, Permission p) {
        Role r = role(caseId).orElseThrow(() -> new ApiError(403, "error.access.case", caseId));
        if (!r.allows(p)) {
            throw new ApiError(403, "error.access.role", new ApiError.Word("ui.role." + r.id()), caseId, new ApiError.Word(action(p)));
        }
        return caseId;
    }

    /**
     * What a permission lets one do, in words that end the refusal («… gir ikke lov til å eksportere rapporten»): said here,
     * where every handler's refusal comes from, so no handler words its own. Literal keys, so the catalogue test finds them.
     */
    static String action(Permission p) {
        return switch (p) {
            case READ -> "error.access.to.read";
            case WRITE_FINDINGS -> "error.access.to.write-findings";
            case EDIT_TEXT -> "error.access.to.edit-text";
            case EXPORT -> "error.access.to.export";
            case INGEST -> "error.access.to.ingest";
            case MANAGE_MEMBERS -> "error.access.to.manage";
            case APPROVE -> "error.access.to.approve";
            case MANAGE_SAVED_SEARCHES -> "error.access.to.saved-searches";
        };
    }

    /** Managing a case's members: its lead, or an administrator. */
    String requireManager(String caseId) {
        if (manages(caseId)) {
            return caseId;
        }
        throw new ApiError(403, "error.access.members", caseId);
    }

    /** Adding a case to a group: as managing its members, its lead or an administrator; refused in words of its own. */
    String requireGroupAdd(String caseId) {
        if (manages(caseId)) {
            return caseId;
        }
        throw new ApiError(403, "error.access.group-add", caseId);
    }

    private boolean manages(String caseId) {
        return admin || may(caseId, Permission.MANAGE_MEMBERS);
    }

    /** The cases the user reads, or null in the single-user mode (all of them). */
    Set<String> readableCases() {
        if (allCases) {
            return null;
        }
        TreeMap<String, Role> readable = new TreeMap<>(roles);
        readable.values().removeIf(r -> !r.allows(Permission.READ));
        return readable.keySet();
    }

    /**
     * What the user may do in each of their cases, as the workspace offers it: case → the permissions' names
     * ({@code READ}, {@code WRITE_FINDINGS}, {@code EDIT_TEXT}, {@code EXPORT} …), so the page shows no action the server would
     * refuse without keeping a copy of each role's rights.
     */
    Map<String, List<String>> permissionIds() {
        Map<String, List<String>> out = new TreeMap<>();
        roles.forEach((c, r) -> out.put(c, Arrays.stream(Permission.values()).filter(r::allows).map(Enum::name).toList()));
        return out;
    }

    /** The roles as the workspace shows them: case → role id. */
    Map<String, String> roleIds() {
        Map<String, String> out = new TreeMap<>();
        roles.forEach((c, r) -> out.put(c, r.id()));
        return out;
    }
}
