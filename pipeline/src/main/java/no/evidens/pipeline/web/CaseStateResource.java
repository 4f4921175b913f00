package no.evidens.pipeline.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import no.evidens.access.Permission;
import no.evidens.findings.CaseLifecycle.Closed;
import no.evidens.pipeline.findings.CaseService;

/**
 * A case's state: {@code GET /api/cases/{case}} (any member: the user's role, and whether and by whom
 * it was closed) and {@code POST /api/cases/{case}/close} (its lead only: read-only from then on, in the
 * audit trail; a closed case answers 409).
 */
final class CaseStateResource implements Routes.Resource {
    private final CaseService cases;

    CaseStateResource(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/cases/{case}", (x, p) -> {
            String caseId = x.access().require(Params.caseId(p.get("case")), Permission.READ);
            x.json(200, view(x.access(), caseId, cases.closed(caseId)));
        }).post("/api/cases/{case}/close", (x, p) -> {
            String caseId = Params.caseId(p.get("case"));
            x.access().require(caseId, Permission.READ);
            if (!x.access().may(caseId, Permission.MANAGE_MEMBERS)) {
                throw new ApiError(403, "error.access.close", caseId);
            }
            Closed closed = cases.close(caseId, x.access().user(), true);
            x.json(200, view(x.access(), caseId, Optional.of(closed)));
        });
    }

    private static Map<String, Object> view(CaseAccess access, String caseId, Optional<Closed> closed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", caseId);
        out.put("role", access.role(caseId).map(r -> r.id()).orElse(null));
        out.put("closed", closed.isPresent());
        out.put("closedBy", closed.map(Closed::closedBy).orElse(null));
        out.put("closedAt", closed.map(c -> c.closedAt().toString()).orElse(null));
        return out;
    }
}
