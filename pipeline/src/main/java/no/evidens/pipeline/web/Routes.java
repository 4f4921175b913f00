package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API's route table: method + path pattern → handler. A pattern is a path whose segments are
 * literals or {@code {name}} variables ({@code /api/findings/{case}/{ref}}); a variable takes one whole
 * segment, which the handler then validates. Paths outside {@code /api/} go to one handler (the static
 * files). A path no pattern matches is a 404, a path matched for other methods only a 405 with Allow.
 *
 * <p>Written here rather than taken from a library: Jetty's core {@code PathMappingsHandler} maps paths
 * but not methods, and these few lines keep the API's own 404/405 answers (JSON, with Allow).
 */
final class Routes {
    /** What answers one route; {@code path} holds the pattern's variables. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange x, Map<String, String> path) throws IOException;
    }

    /** A resource of the API: registers its routes. */
    interface Resource {
        void register(Routes routes);
    }

    private record Route(String method, List<String> pattern, Handler handler) {
        /** The variables when the path's segments fit the pattern, else null. */
        Map<String, String> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return null;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String p = pattern.get(i);
                if (p.startsWith("{") && p.endsWith("}")) {
                    vars.put(p.substring(1, p.length() - 1), segments.get(i));
                } else if (!p.equals(segments.get(i))) {
                    return null;
                }
            }
            return vars;
        }
    }

    private static final String API = "/api/";

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, String> hints = new LinkedHashMap<>();
    private Handler outsideApi = (x, p) -> {
        throw ApiError.notFound("error.http.no-page", x.path());
    };

    Routes get(String pattern, Handler h) {
        return add("GET", pattern, h);
    }

    Routes post(String pattern, Handler h) {
        return add("POST", pattern, h);
    }

    Routes patch(String pattern, Handler h) {
        return add("PATCH", pattern, h);
    }

    Routes delete(String pattern, Handler h) {
        return add("DELETE", pattern, h);
    }

    Routes add(String method, String pattern, Handler h) {
        if (!pattern.startsWith(API)) {
            throw new IllegalArgumentException("API routes start with " + API + ": " + pattern);
        }
        routes.add(new Route(method, segments(pattern), h));
        return this;
    }

    /** Adds a hint to the 404 of unknown paths under this prefix (how the resource's paths look). */
    Routes hint(String prefix, String hint) {
        hints.put(prefix, hint);
        return this;
    }

    /** Who answers paths outside {@code /api/}, for any method (it checks the method itself). */
    Routes outsideApi(Handler h) {
        outsideApi = h;
        return this;
    }

    Routes register(Resource... resources) {
        for (Resource r : resources) {
            r.register(this);
        }
        return this;
    }

    /** Answers the exchange with the route its method and path name, or refuses it with 404/405. */
    void dispatch(Exchange x) throws IOException {
        String path = x.path();
        if (!path.startsWith(API)) {
            outsideApi.handle(x, Map.of());
            return;
        }
        List<String> segments = segments(path);
        String method = x.method();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> vars = r.match(segments);
            if (vars == null) {
                continue;
            }
            if (r.method.equals(method) || (method.equals("HEAD") && r.method.equals("GET"))) {
                r.handler.handle(x, vars);
                return;
            }
            allowed.add(r.method);
        }
        if (allowed.isEmpty()) {
            String hint = hints.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            throw hint == null ? ApiError.notFound("error.http.no-path", path) : ApiError.notFound("error.http.no-path-hint", path, hint);
        }
        x.allow(allowed.toArray(String[]::new));
    }

    /** A path's segments after the leading slash; trailing empty segments do not count ({@code /api/cases/}). */
    private static List<String> segments(String path) {
        return Arrays.asList(path.substring(1).split("/"));
    }
}
