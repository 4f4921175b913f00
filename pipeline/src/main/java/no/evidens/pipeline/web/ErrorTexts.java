package no.evidens.pipeline.web;

import java.time.Duration;

import org.eclipse.jetty.http.HttpCookie;

import no.evidens.findings.CaseClosed;
import no.evidens.findings.FindingLocked;
import no.evidens.index.NoIndexException;
import no.evidens.index.QuerySyntaxException;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * The user's language and the API's errors in it. The language is the one a signed-in user keeps with
 * their account (chosen by {@code POST /api/tekster/sprak}), else the cookie {@value #COOKIE} ({@code nb}
 * or {@code nn}, set by {@code POST /api/tekster/sprak}), else the browser's {@code Accept-Language}
 * when it prefers Nynorsk, else Bokmål. Every error is worded from the catalogue.
 */
final class ErrorTexts {
    static final String COOKIE = "evidens-sprak";

    private ErrorTexts() {
    }

    static Language language(Exchange x) {
        return language(x.accountLanguage(), x.cookie(COOKIE), x.header("Accept-Language"));
    }

    /** The language of an account's choice (or null), the cookie's (or null) and the browser's Accept-Language (or null). */
    static Language language(String account, String cookie, String accept) {
        if (Language.known(account)) {
            return Language.of(account);
        }
        if (Language.known(cookie)) {
            return Language.of(cookie);
        }
        return accept != null && accept.strip().toLowerCase(java.util.Locale.ROOT).startsWith("nn") ? Language.NN : Language.NB;
    }

    /** The cookie that keeps the choice a year, sent back only to this server. */
    static HttpCookie cookie(Language l, boolean secure) {
        return HttpCookie.build(COOKIE, l.code()).path("/").maxAge(Duration.ofDays(365).toSeconds()).sameSite(HttpCookie.SameSite.STRICT)
                .secure(secure).build();
    }

    /**
     * The error's message in the language: from the catalogue for the API's own refusals ({@link ApiError}) and
     * for the services' refusals that carry a key; a mistake a service reports without one is worded as a
     * refusal in the language with its detail (no server path) after it.
     */
    static String message(Language l, Throwable e) {
        Texts t = Texts.of(l);
        if (e instanceof ApiError a) {
            return t.get(a.key(), a.args().stream().map(v -> v instanceof ApiError.Word w ? t.get(w.key()) : v).toArray());
        }
        if (e instanceof QuerySyntaxException q && t.has(q.key())) {
            return t.get(q.key(), q.args());
        }
        if (e instanceof Refusal r && t.has(r.key())) {
            return t.get(r.key(), r.args());
        }
        if (e instanceof FindingLocked f && t.has(f.key())) {
            return t.get(f.key(), f.args());
        }
        if (e instanceof NotFound n && n.key() != null && t.has(n.key())) {
            return t.get(n.key(), n.args());
        }
        if (e instanceof CaseClosed c) {
            return t.get("error.case-closed", c.caseId(), c.closedBy(), c.closedOn());
        }
        if (e instanceof NoIndexException) {
            // its own message names the index's folder on the server
            return t.get("error.no-index");
        }
        return t.get(e instanceof IllegalArgumentException ? "error.refused" : "error.not-now", withoutPaths(Messages.oneLine(e)));
    }

    /** An absolute file path (Unix or Windows) standing as a word of a message; the workspace's own /api/ paths are not files. */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile(
            "(?<=^|[\\s'\"(=])(?:/(?!api/)|[A-Za-z]:\\\\)[^\\s'\")]*[/\\\\][^\\s'\")]*?(?=[:;,.]?(?:[\\s'\")]|$))");

    /** The message with any absolute file path on the server left out: a message is for a person, not a map of the disk. */
    static String withoutPaths(String message) {
        return PATH.matcher(message).replaceAll("…");
    }
}
