package no.evidens.pipeline.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The workspace's request checks, before any route: the Host must be this server (no DNS rebinding);
 * state-changing requests need the session's token in {@value WebServer#TOKEN_HEADER} and, when the
 * browser says where they come from (Origin, Sec-Fetch-Site), this server's own pages.
 */
final class RequestGuard {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Set<String> hosts;
    private final String url;

    RequestGuard(Exposure exposure, int port) {
        Set<String> h = new LinkedHashSet<>();
        if (exposure.publicUrl() != null) {
            String host = exposure.publicUrl().getHost().toLowerCase(Locale.ROOT);
            int p = exposure.publicUrl().getPort();
            h.add(p < 0 ? host : host + ":" + p);
            this.url = exposure.publicUrl().toString();
        } else {
            this.url = (exposure.tls() ? "https" : "http") + "://" + hostForUrl(exposure) + ":" + port + "/";
        }
        h.add("127.0.0.1:" + port);
        h.add("localhost:" + port);
        h.add("[::1]:" + port);
        if (!exposure.wildcard() && !Exposure.loopback(exposure.host())) {
            h.add(exposure.host().toLowerCase(Locale.ROOT) + ":" + port);
        }
        this.hosts = Set.copyOf(h);
    }

    private static String hostForUrl(Exposure e) {
        return e.wildcard() || Exposure.loopback(e.host()) ? "127.0.0.1" : e.host();
    }

    /** The address people open. */
    String url() {
        return url;
    }

    static boolean stateChanging(Exchange x) {
        return STATE_CHANGING.contains(x.method());
    }

    /** Throws the refusal (421 or 403) when the request names another host or, changing state, comes from another site. */
    void check(Exchange x) {
        String host = x.header("Host");
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ApiError(421, "error.http.host", url);
        }
        if (!stateChanging(x)) {
            return;
        }
        String origin = x.header("Origin");
        if (origin != null && hosts.stream().noneMatch(h -> origin.equalsIgnoreCase("http://" + h) || origin.equalsIgnoreCase("https://" + h))) {
            throw new ApiError(403, "error.http.other-site");
        }
        String site = x.header("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiError(403, "error.http.other-site");
        }
    }

    /** Throws 403 unless a state-changing request carries this token. */
    void checkToken(Exchange x, String token) {
        if (!stateChanging(x)) {
            return;
        }
        String given = x.header(WebServer.TOKEN_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(403, "error.http.token", WebServer.TOKEN_HEADER);
        }
    }
}
