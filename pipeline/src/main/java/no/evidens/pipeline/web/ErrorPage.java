package no.evidens.pipeline.web;

import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.util.StringUtil;

import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * A refusal or a failure as a page of the workspace, for a browser that went there itself (a typed or
 * followed address, the identity provider's redirect back) and so asked for HTML ({@code Accept: text/html}):
 * a heading for the status and the message, in the user's language, with a way back. The API's clients
 * (the workspace's own scripts, {@code curl}, programs) ask for no HTML and keep the JSON {@code {"error": …}}.
 * The message is one the catalogue worded ({@link ErrorTexts}), never an exception's: no server path, no
 * stack trace, no server version. Written as a few lines of escaped HTML rather than with a template engine:
 * one small page with two values does not need one.
 */
final class ErrorPage {
    static final String MEDIA = "text/html; charset=utf-8";

    private ErrorPage() {
    }

    /** Whether the request asked for a page (a browser's navigation) rather than the API's JSON. */
    static boolean wanted(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /**
     * The page.
     *
     * @param path    the request's path: a sign-in's refusal (and any 401) leads back to the sign-in page, anything else to the workspace
     * @param message the catalogue's words for what happened
     */
    static byte[] html(Language language, int status, String path, String message) {
        Texts t = Texts.of(language);
        String heading = t.has("page.error.heading." + status) ? t.get("page.error.heading." + status) : t.get("page.error.heading");
        boolean signIn = status == 401 || path != null && path.startsWith("/api/signin");
        String back = signIn ? "/signin.html" : "/";
        String backWords = t.get(signIn ? "page.error.signIn" : "page.error.home");
        String page = "<!DOCTYPE html>\n<html lang=\"" + language.code() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(heading) + " – " + escape(t.get("page.error.title")) + "</title>\n"
                + "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"/app.css\">\n</head>\n<body>\n"
                + "<header class=\"top\"><p class=\"brand\">Evidens</p></header>\n"
                + "<main id=\"main\" class=\"signin error-page\">\n<h1>" + escape(heading) + "</h1>\n"
                + "<p id=\"error-message\">" + escape(message) + "</p>\n"
                + "<p><a class=\"button\" id=\"error-back\" href=\"" + back + "\">" + escape(backWords) + "</a></p>\n"
                + "</main>\n</body>\n</html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    /** Text as HTML text (Jetty's escaping of &lt; &gt; &amp; and quotes): a path or a value a person typed is shown, never run. */
    private static String escape(String s) {
        return StringUtil.sanitizeXmlString(s);
    }
}
