package no.evidens.pipeline.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * A request's query parameters, checked as the API reads them: one value each unless a list is asked for, at most
 * 2,000 characters, numbers in range, yes/no as words; every refusal an {@link ApiError} with a catalogue key.
 */
final class QueryParams {
    private final Map<String, List<String>> params;

    QueryParams(Request request) {
        this.params = parse(request);
    }

    /** The query string's parameters, decoded by Jetty (UTF-8), in their order. */
    private static Map<String, List<String>> parse(Request request) {
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // Jetty says so with a BadMessageException (bad %-escapes or UTF-8)
            throw ApiError.badRequest("error.param.encoding");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            out.put(f.getName(), f.getValues());
        }
        return out;
    }

    /** A parameter, or null when absent or blank. */
    String param(String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return null;
        }
        if (v.size() > 1) {
            throw ApiError.badRequest("error.param.twice", name);
        }
        String s = v.get(0).strip();
        if (s.length() > 2000) {
            throw ApiError.badRequest("error.param.too-long", name, 2000);
        }
        return s;
    }

    String required(String name) {
        String v = param(name);
        if (v == null) {
            throw ApiError.badRequest("error.param.missing", name);
        }
        return v;
    }

    List<String> all(String name) {
        List<String> v = params.getOrDefault(name, List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (v.size() > 50) {
            throw ApiError.badRequest("error.param.too-many", name, 50);
        }
        return v;
    }

    int intParam(String name, int dflt, int min, int max) {
        String v = param(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw ApiError.badRequest("error.param.range", name, min, max, n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("error.param.number", name, v);
        }
    }

    boolean boolParam(String name) {
        String v = param(name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "ja", "yes" -> true;
            case "false", "0", "nei", "no" -> false;
            default -> throw ApiError.badRequest("error.param.choice", name, "true, false", v);
        };
    }
}
