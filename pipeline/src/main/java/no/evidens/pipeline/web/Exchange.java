package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import no.evidens.pipeline.Json;

/**
 * One request and its answer on Jetty's core API: validated parameters ({@link QueryParams}) and bodies ({@link
 * RequestBody}), JSON out ({@link AnswerWriter}), and what the request carries from route to route (who asks, the
 * searcher's turn).
 */
final class Exchange {
    /** The largest JSON body the API reads. */
    static final int MAX_JSON_BYTES = 1 << 20;

    private final Request request;
    private final Response response;
    private final QueryParams params;
    private final RequestBody body;
    private final AnswerWriter answer;
    private CaseAccess access;
    private String accountLanguage;
    private Runnable turn;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.params = new QueryParams(request);
        this.body = new RequestBody(request);
        this.answer = new AnswerWriter(response, callback);
    }

    String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    /** The decoded path, as the API's routes name it. */
    String path() {
        return Request.getPathInContext(request);
    }

    int status() {
        return answer.status();
    }

    /** Whether the answer has been handed to Jetty (then nothing more may be sent). */
    boolean sent() {
        return answer.sent();
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

    /** The address the request comes from (the trusted proxy's word for it, behind one), or "" when not known. */
    String remoteAddress() {
        String a = Request.getRemoteAddr(request);
        return a == null ? "" : a;
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

    /** The request body as a stream ({@link RequestBody#stream}); closing it does nothing. */
    InputStream body() {
        return body.stream();
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
        return body.json(MAX_JSON_BYTES);
    }

    /** The declared length of the body, or -1 when not declared. */
    long contentLength() {
        return body.contentLength();
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

    /** Reads the whole body now, at most {@code max} bytes ({@link RequestBody#buffer}). */
    void bufferBody(int max) throws IOException {
        body.buffer(max);
    }

    /** Drops what has arrived of the request body, up to {@code max} bytes, without waiting; whether that was all of it ({@link RequestBody#dropArrived}). */
    boolean dropArrivedBody(long max) {
        return body.dropArrived(max);
    }

    /** The answer goes out at once; the connection closes once the rest of the body is read (see {@link BodyDrain}). */
    void drainBodyAfterAnswer() {
        answer.drainBodyAfter(request);
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
        error(code, message, null);
    }

    /** An error answer, {@code {"error": message}}, with {@code "field"} when it is about one field of the JSON body. */
    void error(int code, String message, String field) throws IOException {
        if (answer.sent()) {
            throw new IllegalStateException("the answer was already sent");
        }
        if (ErrorPage.wanted(header("Accept"))) {
            // a browser that went here itself: a page in the user's language, not the API's JSON as raw text
            send(code, ErrorPage.MEDIA, ErrorPage.html(ErrorTexts.language(this), code, path(), message), null);
            return;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("error", message);
        if (field != null) {
            out.put("field", field);
        }
        json(code, out);
    }

    void noContent() {
        drainUnreadBody();
        answer.noContent();
    }

    void send(int code, String contentType, byte[] bytes, String downloadName) {
        drainUnreadBody();
        answer.send(code, contentType, bytes, downloadName, "HEAD".equals(method()));
    }

    /**
     * A request that came with a body its handler never read (a refused second close, a 403 before the body mattered)
     * has the rest of it read and dropped once the answer is out ({@link BodyDrain}, bounded in time and bytes), so that
     * Jetty keeps the connection open: it would otherwise close it after an answer that did not say so, and a client
     * that sends its next request on that kept-alive connection would get no answer at all.
     */
    private void drainUnreadBody() {
        if (request.getLength() != 0 && !"GET".equals(method()) && !"HEAD".equals(method())) {
            answer.drainBodyAfter(request);
        }
    }
}
