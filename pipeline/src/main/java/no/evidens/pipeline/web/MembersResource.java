package no.evidens.pipeline.web;

import java.util.List;
import java.util.Map;

import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.access.LastLeadException;
import no.evidens.access.Membership;
import no.evidens.access.Permission;
import no.evidens.access.Role;

/**
 * A case's members: {@code GET /api/members?case=} (any member), {@code POST /api/members}
 * ({@code {"case","user","role"}}: add or change a role; a case that does not exist yet becomes a new one, unless the
 * body says {@code "create": false}: then 404, and {@code "create": true} means a new case) and
 * {@code DELETE /api/members/{case}/{user}} (the case's lead or an administrator); {@code GET /api/members/cases}
 * lists every case of the home, to an administrator only (the form's suggestions). A closed case's members are still changed (the trail notes that it is closed).
 */
final class MembersResource implements Routes.Resource {
    private final Accounts accounts;

    private final AuditService audit;
    private final CaseService cases;
    private final CasesResource known;

    MembersResource(Accounts accounts, AuditService audit, CaseService cases, CasesResource known) {
        this.audit = audit;
        this.accounts = accounts;
        this.cases = cases;
        this.known = known;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/members", (x, p) -> {
            String caseId = Params.caseId(x.required("case"));
            if (!x.access().admin()) {
                x.access().require(caseId, Permission.READ);
            }
            x.json(200, Map.of("case", caseId, "members", accounts.members(caseId).stream().map(MembersResource::view).toList()));
        }).get("/api/members/cases", (x, p) -> {
            if (!x.access().admin()) {
                throw new ApiError(403, "error.access.all-cases");
            }
            x.json(200, Map.of("cases", known.all()));
        }).post("/api/members", (x, p) -> {
            JsonFields b = new JsonFields(x.jsonBody(), "case", "user", "role", "create");
            String caseId = x.access().requireManager(Params.caseId(b.required("case")));
            Role role = Role.of(b.required("role"));
            Boolean create = b.bool("create");
            if (Boolean.FALSE.equals(create) && !known.known(caseId)) {
                throw ApiError.notFoundField("case", "error.members.new-case", caseId);
            }
            Membership added;
            try {
                added = accounts.addMember(caseId, b.required("user"), role, x.access().user());
            } catch (LastLeadException e) {
                throw new ApiError(409, "error.members.last-lead");
            }
            audit.record(x.access().user(), "member-set", caseId, "account", added.user(), cases.memberChangeDetail(caseId, added.role().label()));
            x.json(201, view(added));
        }).delete("/api/members/{case}/{user}", (x, p) -> {
            String caseId = x.access().requireManager(Params.caseId(p.get("case")));
            String user = p.get("user");
            List<Membership> members = accounts.members(caseId);
            boolean lastLead = members.stream().filter(m -> m.role() == Role.LEAD).map(Membership::user).toList().equals(List.of(user));
            if (lastLead) {
                throw new ApiError(409, "error.members.last-lead");
            }
            boolean removed;
            try {
                removed = accounts.removeMember(caseId, user);
            } catch (LastLeadException e) {
                throw new ApiError(409, "error.members.last-lead");
            }
            if (!removed) {
                throw ApiError.notFound("error.members.unknown", user, caseId);
            }
            audit.record(x.access().user(), "member-remove", caseId, "account", user, cases.memberChangeDetail(caseId, null));
            x.noContent();
        });
    }

    private static Map<String, String> view(Membership m) {
        return Map.of("user", m.user(), "role", m.role().id(), "label", m.role().label());
    }
}
