package no.evidens.pipeline.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/session}: the token state-changing requests must carry, who works (their roles per
 * case, whether they administer accounts), whether sign-in is on, and the upload limit.
 */
final class SessionResource implements Routes.Resource {
    private final boolean signIn;
    private final long maxUploadBytes;

    SessionResource(boolean signIn, long maxUploadBytes) {
        this.signIn = signIn;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/session", (x, p) -> {
            CaseAccess a = x.access();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("token", a.token());
            out.put("user", a.user());
            out.put("signIn", signIn);
            out.put("admin", a.admin());
            out.put("roles", a.allCases() ? Map.of() : a.roleIds());
            out.put("permissions", a.allCases() ? Map.of() : a.permissionIds());
            out.put("maxUploadBytes", maxUploadBytes);
            x.json(200, out);
        });
    }
}
