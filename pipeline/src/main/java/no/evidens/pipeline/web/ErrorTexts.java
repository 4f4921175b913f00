package no.evidens.pipeline.web;

import java.time.Duration;
import java.util.List;

import org.eclipse.jetty.http.HttpCookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.findings.CaseClosed;
import no.evidens.findings.FindingLocked;
import no.evidens.findings.FindingsRefusal;
import no.evidens.findings.StoreInUse;
import no.evidens.findings.StoreTooNew;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.NoIndexException;
import no.evidens.index.QuerySyntaxException;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.bundle.BundleRefused;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.ingest.LineNotRecorded;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;
import no.evidens.pipeline.store.StoreUnreachable;

/**
 * The user's language and the API's errors in it. The language is the one a signed-in user keeps with
 * their account (chosen by {@code POST /api/tekster/sprak}), else the cookie {@value #COOKIE} ({@code nb}
 * or {@code nn}, set by {@code POST /api/tekster/sprak}), else the browser's {@code Accept-Language}
 * when it prefers Nynorsk, else Bokmål. Every error is worded from the catalogue, never from an exception's own message.
 */
final class ErrorTexts {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTexts.class);
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

    /** A message of the catalogue: its key and its values (text, numbers, or {@link ApiError.Word}s to word too). */
    record Keyed(String key, List<?> args) {
        Keyed {
            // a value may be null (a case closed by nobody known): MessageFormat words it "null" as before
            args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        }
    }

    /** The error's message in the language (see {@link #keyed}). */
    static String message(Language l, Throwable e) {
        return word(l, keyed(e));
    }

    /** A keyed message in the language. */
    static String word(Language l, Keyed k) {
        Texts t = Texts.of(l);
        return t.get(k.key(), k.args().stream().map(v -> v instanceof ApiError.Word w ? t.get(w.key()) : v).toArray());
    }

    /**
     * The catalogue's message for an error: the API's own refusals ({@link ApiError}) and the services' refusals
     * carry a key and its values. The English message of an exception is never shown (it is for the command
     * line and the logs, and may name a file on the server): one without a key is told as a general refusal in
     * the language, and logged (its type and where it was thrown, no text) so that it can be given a key.
     */
    static Keyed keyed(Throwable e) {
        if (e instanceof ApiError a) {
            return new Keyed(a.key(), a.args());
        }
        Keyed k = ownKey(e);
        if (k != null && Texts.of(Language.NB).has(k.key())) {
            return k;
        }
        StackTraceElement[] at = e.getStackTrace();
        LOG.warn("a refusal without a message key in the catalogue: {} ({}) at {}", e.getClass().getName(), k == null ? "no key" : k.key(),
                at.length == 0 ? "?" : at[0]);
        return new Keyed(e instanceof IllegalArgumentException ? "error.refused" : "error.not-now", List.of());
    }

    /** The key a service's exception carries (or the one its type stands for), else null. */
    static Keyed ownKey(Throwable e) {
        if (e instanceof QuerySyntaxException q) {
            return new Keyed(q.key(), q.args());
        } else if (e instanceof Refusal r) {
            return new Keyed(r.key(), r.args());
        } else if (e instanceof FindingsRefusal r) {
            return new Keyed(r.key(), r.args());
        } else if (e instanceof FindingLocked f) {
            return new Keyed(f.key(), f.args());
        } else if (e instanceof NotFound n && n.key() != null) {
            return new Keyed(n.key(), n.args());
        } else if (e instanceof BundleRefused b) {
            return new Keyed(b.key(), b.args());
        } else if (e instanceof StoreInUse) {
            return new Keyed(StoreInUse.KEY, List.of());
        } else if (e instanceof LineNotRecorded) {
            // the ingest stopped without a whole receipt (round 52): its English message is the CLI's
            return new Keyed(LineNotRecorded.KEY, List.of());
        } else if (e instanceof StoreTooNew) {
            // an older server left running on a home a newer Evidens upgraded (see the README's Upgrading Evidens)
            return new Keyed(StoreTooNew.KEY, List.of());
        } else if (no.evidens.pipeline.store.StoreBusy.in(e)) {
            // the server answers; this process's connections to it were all in use for the pool's wait
            return new Keyed(no.evidens.pipeline.store.StoreBusy.KEY, List.of());
        } else if (StoreUnreachable.in(e)) {
            // its own message names the store server and where its password is kept
            return new Keyed(StoreUnreachable.KEY, List.of());
        } else if (e instanceof CaseClosed c) {
            return new Keyed("error.case-closed", java.util.Arrays.asList(c.caseId(), c.closedBy(), ServerTime.day(c.closedAt())));
        } else if (IndexUnreachableException.in(e)) {
            // its own message names the cluster's addresses
            return new Keyed("error.index-unreachable", List.of());
        } else if (e instanceof NoIndexException) {
            // its own message names the index's folder on the server
            return new Keyed("error.no-index", List.of());
        }
        return null;
    }
}
