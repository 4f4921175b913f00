package no.evidens.pipeline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * The workspace's request checks, before any route: the Host must be this server (no DNS rebinding);
 * state-changing requests need the session's token in {@value WebServer#TOKEN_HEADER} and, when the
 * browser says where they come from (Origin, Sec-Fetch-Site), this server's own pages.
 */
final class RequestGuard {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final String token;
    private final Set<String> hosts;
    private final String url;

    RequestGuard(String token, int port) {
        this.token = token;
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
        this.url = "http://127.0.0.1:" + port + "/";
    }

    /** Throws the refusal (421 or 403) when the request may not go on. */
    void check(Exchange x) {
        String host = x.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ApiError(421, "this workspace answers only at " + url);
        }
        if (!STATE_CHANGING.contains(x.method())) {
            return;
        }
        String origin = x.header("Origin");
        if (origin != null && hosts.stream().noneMatch(h -> origin.equalsIgnoreCase("http://" + h))) {
            throw new ApiError(403, "requests from another site (" + origin + ") are refused");
        }
        String site = x.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiError(403, "requests from another site are refused");
        }
        String given = x.header(WebServer.TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(403, "missing or wrong " + WebServer.TOKEN_HEADER
                    + " header: reload the page (the token comes from GET /api/session)");
        }
    }
}
