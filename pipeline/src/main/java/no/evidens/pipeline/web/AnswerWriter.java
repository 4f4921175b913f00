package no.evidens.pipeline.web;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the answer to one request ({@link Exchange}) once, whole (the API's answers are small), with the workspace's
 * security headers, and completes Jetty's callback.
 */
final class AnswerWriter {
    private final Response response;
    private Callback callback;
    /** Whether the rest of the request's body is read and dropped once the answer is out. */
    private boolean draining;
    private int status;
    private boolean sent;

    AnswerWriter(Response response, Callback callback) {
        this.response = response;
        this.callback = callback;
    }

    void noContent() {
        status = 204;
        securityHeaders();
        response.setStatus(204);
        sent = true;
        response.write(true, BufferUtil.EMPTY_BUFFER, callback);
    }

    /** Sends the bytes with this status and type; only the headers to a HEAD request ({@code head}). */
    void send(int code, String contentType, byte[] bytes, String downloadName, boolean head) {
        status = code;
        securityHeaders();
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        if (downloadName != null) {
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + downloadName + "\"");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        sent = true;
        response.write(true, head || bytes.length == 0 ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(bytes), callback);
    }

    /**
     * Lets the answer's connection close only once the rest of the request's body has been read and dropped (a refusal
     * that says Connection: close while the client is still sending it): see {@link BodyDrain}.
     */
    void drainBodyAfter(org.eclipse.jetty.server.Request request) {
        if (!sent && !draining) {
            draining = true;
            callback = BodyDrain.after(request, callback);
        }
    }

    int status() {
        return status;
    }

    /** Whether the answer has been handed to Jetty (then nothing more may be sent). */
    boolean sent() {
        return sent;
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
