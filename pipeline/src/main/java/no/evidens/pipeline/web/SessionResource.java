package no.evidens.pipeline.web;

import java.util.Map;

/** {@code GET /api/session}: the token state-changing requests must carry, who works, the upload limit. */
final class SessionResource implements Routes.Resource {
    private final String token;
    private final String user;
    private final long maxUploadBytes;

    SessionResource(String token, String user, long maxUploadBytes) {
        this.token = token;
        this.user = user;
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/session", (x, p) -> x.json(200, Map.of("token", token, "user", user, "maxUploadBytes", maxUploadBytes)));
    }
}
