package no.evidens.pipeline.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import no.evidens.pipeline.Json;

/** One request and its answer: validated parameters and bodies, JSON out. */
final class Exchange {
    /** The largest JSON body the API reads. */
    static final int MAX_JSON_BYTES = 1 << 20;

    private final HttpExchange http;
    private final Map<String, List<String>> params;
    private int status;

    Exchange(HttpExchange http) {
        this.http = http;
        this.params = parseQuery(http.getRequestURI().getRawQuery());
    }

    HttpExchange http() {
        return http;
    }

    String method() {
        return http.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    int status() {
        return status;
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("the query string is not valid URL encoding");
            }
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
            throw ApiError.badRequest("the parameter '" + name + "' is given more than once");
        }
        String s = v.get(0).strip();
        if (s.length() > 2000) {
            throw ApiError.badRequest("the parameter '" + name + "' is too long (at most 2000 characters)");
        }
        return s;
    }

    String required(String name) {
        String v = param(name);
        if (v == null) {
            throw ApiError.badRequest("the parameter '" + name + "' is missing");
        }
        return v;
    }

    List<String> all(String name) {
        List<String> v = params.getOrDefault(name, List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (v.size() > 50) {
            throw ApiError.badRequest("too many '" + name + "' parameters (at most 50)");
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
                throw ApiError.badRequest("the parameter '" + name + "' must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the parameter '" + name + "' must be a whole number, was '" + v + "'");
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
            default -> throw ApiError.badRequest("the parameter '" + name + "' must be true or false, was '" + v + "'");
        };
    }

    /** The body as a JSON object; it must be sent as application/json and be at most 1 MiB. */
    JsonNode jsonBody() throws IOException {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send the body as JSON (Content-Type: application/json)");
        }
        byte[] bytes = readBody(MAX_JSON_BYTES);
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        return node;
    }

    /** The declared length of the body, or -1 when not declared. */
    long contentLength() {
        String v = header("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the Content-Length header is not a number");
        }
    }

    private byte[] readBody(int max) throws IOException {
        long declared = contentLength();
        if (declared > max) {
            throw new ApiError(413, "the body is too large (at most " + max / 1024 + " KiB)");
        }
        try (InputStream in = http.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > max) {
                    throw new ApiError(413, "the body is too large (at most " + max / 1024 + " KiB)");
                }
            }
            return out.toByteArray();
        }
    }

    /**
     * Reads and drops what is left of the request body (up to {@code max} bytes), so that a refusal
     * sent before the body was read reaches the client instead of a reset connection.
     */
    void discardBody(long max) {
        try (InputStream in = http.getRequestBody()) {
            byte[] buf = new byte[64 * 1024];
            long n = 0;
            int r;
            while (n <= max && (r = in.read(buf)) > 0) {
                n += r;
            }
        } catch (IOException gone) {
            // the client stopped sending: nothing to drop
        }
    }

    void json(int code, Object value) throws IOException {
        send(code, "application/json; charset=utf-8", Json.write(value).getBytes(StandardCharsets.UTF_8), null);
    }

    void error(int code, String message) throws IOException {
        json(code, Map.of("error", message));
    }

    void noContent() throws IOException {
        status = 204;
        securityHeaders();
        http.sendResponseHeaders(204, -1);
        http.close();
    }

    void send(int code, String contentType, byte[] body, String downloadName) throws IOException {
        status = code;
        securityHeaders();
        http.getResponseHeaders().set("Content-Type", contentType);
        if (downloadName != null) {
            http.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        }
        boolean head = "HEAD".equals(method());
        http.sendResponseHeaders(code, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
        http.close();
    }

    private void securityHeaders() {
        var h = http.getResponseHeaders();
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        // Only the workspace's own files: no inline script, no other origin (no CDN), no framing.
        h.set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    }
}
