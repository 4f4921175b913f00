package no.evidens.pipeline.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

import no.evidens.pipeline.Json;

/** The body of one request ({@link Exchange}): read as a stream, as a bounded JSON object, buffered, or dropped. */
final class RequestBody {
    private final Request request;
    private InputStream body;

    RequestBody(Request request) {
        this.request = request;
    }

    /**
     * The request body as a stream, read in this (blocking) handler thread. Closing it does nothing:
     * Jetty owns the request, and drops what is left of it when the answer completes.
     */
    InputStream stream() {
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

    /** The body as a JSON object; it must be sent as application/json and be at most {@code max} bytes. */
    JsonNode json(int max) throws IOException {
        String type = request.getHeaders().get("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "error.body.not-json");
        }
        byte[] bytes = read(max);
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
        String v = request.getHeaders().get("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("error.body.length");
        }
    }

    /**
     * Reads the whole body now (refused past {@code max} bytes, as {@link #json} does), so the handler reads it
     * from memory later: a client that sends slowly does so before its request takes a turn of the searcher.
     */
    void buffer(int max) throws IOException {
        body = new ByteArrayInputStream(read(max));
    }

    private byte[] read(int max) throws IOException {
        long declared = contentLength();
        if (declared > max) {
            throw new ApiError(413, "error.body.too-large", max / 1024);
        }
        try (InputStream in = stream()) {
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
     * Drops what has already arrived of the request body (up to {@code max} bytes), without waiting for the rest, so
     * that a refusal can keep the connection for the client's next request. Whether the whole body was dropped: if not,
     * the refusal must close the connection. Never waiting matters: a client that holds its body back (a hostile one,
     * or one refused from its headers) would otherwise hold this thread until the connection's idle timeout.
     */
    boolean dropArrived(long max) {
        long n = 0;
        while (n <= max) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                return false;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    return false;
                }
                n += chunk.remaining();
                if (chunk.isLast()) {
                    return true;
                }
            } finally {
                chunk.release();
            }
        }
        return false;
    }
}
