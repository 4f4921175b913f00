package no.evidens.pipeline.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * Errors Jetty answers itself (a path it will not decode, a handler that failed) as the API's JSON,
 * {@code {"error": …}}, instead of Jetty's HTML page; no stack traces, no server version. A browser that
 * asked for HTML gets the workspace's own error page ({@link ErrorPage}) in the user's language instead.
 */
final class JsonErrors extends ErrorHandler {
    JsonErrors() {
        setShowStacks(false);
        setShowCauses(false);
    }

    /** The request's language before any account is known: its language cookie's, else its browser's. */
    static Language language(Request request) {
        String cookie = Request.getCookies(request).stream().filter(c -> c.getName().equals(ErrorTexts.COOKIE)).map(HttpCookie::getValue)
                .findFirst().orElse(null);
        return ErrorTexts.language(null, cookie, request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        // Jetty's own reason (English) is not shown: the status in the user's language (no account is known this early)
        Language language = language(request);
        String text = Texts.of(language).get("error.http.status", code);
        // a browser's own request (an address typed or followed): a page in the language, as the workspace's errors
        boolean page = ErrorPage.wanted(request.getHeaders().get(HttpHeader.ACCEPT));
        byte[] body = page ? ErrorPage.html(language, code, null, text) : Json.write(Map.of("error", text)).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, page ? ErrorPage.MEDIA : "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (page) {
            // as the workspace's own pages: its style sheet only, no script, no framing
            response.getHeaders().put("Content-Security-Policy", "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
