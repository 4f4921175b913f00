package no.evidens.pipeline.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import no.evidens.pipeline.Json;

/**
 * One request and its answer on Jetty's core API: validated parameters and bodies, JSON out. The
 * answer is written once, whole (the API's answers are small), and completes Jetty's callback.
 */
final class Exchange {
    /** The largest JSON body the API reads. */
    static final int MAX_JSON_BYTES = 1 << 20;

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final QueryParams params;
    private InputStream body;
    private int status;
    private boolean sent;
    private CaseAccess access;
    private String accountLanguage;
    private Runnable turn;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.params = new QueryParams(request);
    }

    String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    /** The decoded path, as the API's routes name it. */
    String path() {
        return Request.getPathInContext(request);
    }

    int status() {
        return status;
    }

    /** Whether the answer has been handed to Jetty (then nothing more may be sent). */
    boolean sent() {
        return sent;
    }

    /** Who makes the request and what they may do; set by {@link ApiHandler} before any route (null only on the open sign-in paths). */
    CaseAccess access() {
        if (access == null) {
            throw new ApiError(401, "error.http.sign-in");
        }
        return access;
    }

    boolean signedIn() {
        return access != null;
    }

    void access(CaseAccess a) {
        this.access = a;
    }

    /** The language the signed-in user chose and keeps with their account ({@code nb}, {@code nn}), or null. */
    String accountLanguage() {
        return accountLanguage;
    }

    void accountLanguage(String code) {
        this.accountLanguage = code;
    }

    /** The value of the request's cookie of this name, or null. */
    String cookie(String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name)) {
                return c.getValue();
            }
        }
        return null;
    }

    /** Sets a cookie on the answer (before it is sent). */
    void cookie(HttpCookie c) {
        Response.addCookie(response, c);
    }

    /** The query string as sent (still encoded), or null. */
    String rawQuery() {
        return request.getHttpURI().getQuery();
    }

    /** Answers with a redirect (302) to this address. */
    void redirect(String location) {
        responseHeader("Location", location);
        send(302, "text/plain; charset=utf-8", new byte[0], null);
    }

    /** Whether the request came over TLS (directly, or as the trusted proxy says). */
    boolean secure() {
        return request.isSecure();
    }

    /** The request's header fields. */
    org.eclipse.jetty.http.HttpFields headers() {
        return request.getHeaders();
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** Sets a header of the answer (before it is sent). */
    void responseHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    /**
     * The request body as a stream, read in this (blocking) handler thread. Closing it does nothing:
     * Jetty owns the request, and drops what is left of it when the answer completes.
     */
    InputStream body() {
        if (body == null) {
            body = new FilterInputStream(Content.Source.asInputStream(request)) {
                @Override
                public void close() {
                    // Jetty ends the request itself.
                }
            };
        }
        return body;
    }

    /** A parameter, or null when absent or blank ({@link QueryParams#param}). */
    String param(String name) {
        return params.param(name);
    }

    String required(String name) {
        return params.required(name);
    }

    List<String> all(String name) {
        return params.all(name);
    }

    int intParam(String name, int dflt, int min, int max) {
        return params.intParam(name, dflt, min, max);
    }

    boolean boolParam(String name) {
        return params.boolParam(name);
    }

    /** The body as a JSON object; it must be sent as application/json and be at most 1 MiB. */
    JsonNode jsonBody() throws IOException {
        String type = header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "error.body.not-json");
        }
        byte[] bytes = readBody(MAX_JSON_BYTES);
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("error.body.invalid-json", e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("error.body.not-object");
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
            throw ApiError.badRequest("error.body.length");
        }
    }

    /** Says how this request gives back its turn of the searcher ({@link SearchAdmission}). */
    void holdTurn(Runnable giveBack) {
        turn = giveBack;
    }

    /**
     * Gives back this request's turn of the searcher, if it holds one (once): its work on the cores is done, and what is
     * left is waiting for its audit line on disk, which the trail writes for many requests at once.
     */
    void searcherDone() {
        Runnable t = turn;
        turn = null;
        if (t != null) {
            t.run();
        }
    }

    /**
     * Reads the whole body now (refused past {@code max} bytes, as {@link #jsonBody} does), so the handler reads it
     * from memory later: a client that sends slowly does so before its request takes a turn of the searcher.
     */
    void bufferBody(int max) throws IOException {
        body = new ByteArrayInputStream(readBody(max));
    }

    private byte[] readBody(int max) throws IOException {
        long declared = contentLength();
        if (declared > max) {
            throw new ApiError(413, "error.body.too-large", max / 1024);
        }
        try (InputStream in = body()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > max) {
                    throw new ApiError(413, "error.body.too-large", max / 1024);
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
        try (InputStream in = body()) {
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

    /** Refuses the request with 405 unless its method is one of these (HEAD goes where GET does). */
    void allow(String... methods) {
        List<String> ok = List.of(methods);
        String m = method();
        if (!ok.contains(m) && !(m.equals("HEAD") && ok.contains("GET"))) {
            responseHeader("Allow", String.join(", ", ok));
            throw new ApiError(405, "error.http.method", m, path(), String.join(", ", ok));
        }
    }

    void json(int code, Object value) throws IOException {
        send(code, "application/json; charset=utf-8", Json.bytes(value), null);
    }

    void error(int code, String message) throws IOException {
        if (sent) {
            throw new IllegalStateException("the answer was already sent");
        }
        if (ErrorPage.wanted(header("Accept"))) {
            // a browser that went here itself: a page in the user's language, not the API's JSON as raw text
            send(code, ErrorPage.MEDIA, ErrorPage.html(ErrorTexts.language(this), code, path(), message), null);
            return;
        }
        json(code, Map.of("error", message));
    }

    void noContent() {
        status = 204;
        securityHeaders();
        response.setStatus(204);
        sent = true;
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    }

    void send(int code, String contentType, byte[] bytes, String downloadName) {
        status = code;
        securityHeaders();
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        if (downloadName != null) {
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + downloadName + "\"");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        boolean head = "HEAD".equals(method());
        sent = true;
        response.write(true, head || bytes.length == 0 ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(bytes), callback);
    }

    private void securityHeaders() {
        var h = response.getHeaders();
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Referrer-Policy", "no-referrer");
        // Only the workspace's own files: no inline script, no other origin (no CDN), no framing.
        h.put("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    }
}
