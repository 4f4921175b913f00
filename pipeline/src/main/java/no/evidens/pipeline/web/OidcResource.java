package no.evidens.pipeline.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.http.HttpCookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.findings.AuditService;
import no.evidens.access.Account;
import no.evidens.access.Sessions;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * Sign-in through the organisation's identity provider: {@code GET /api/signin/oidc} sends the browser
 * there; {@code GET /api/signin/oidc/callback} takes it back, maps the person to an account (by the
 * subject linked before, else by e-mail, then linking the subject) and opens a session. Roles still come
 * from the case memberships; a person without an account is refused.
 */
final class OidcResource implements Routes.Resource {
    static final String CALLBACK = "/api/signin/oidc/callback";
    private static final String STATE_COOKIE = "evidens_oidc";
    private static final Logger LOG = LoggerFactory.getLogger(OidcResource.class);

    private final OidcSignIn oidc;
    private final Sessions sessions;
    private final Accounts accounts;
    private final boolean forceSecure;

    private final AuditService audit;

    OidcResource(Exposure.Oidc settings, String baseUrl, Sessions sessions, Accounts accounts, boolean forceSecure,
                 AuditService audit) {
        this.audit = audit;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.oidc = new OidcSignIn(settings, URI.create(base + CALLBACK));
        this.sessions = sessions;
        this.accounts = accounts;
        this.forceSecure = forceSecure;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/signin/oidc", (x, p) -> {
            Map.Entry<String, URI> started = oidc.begin();
            // Lax, not Strict: the provider's redirect back is a navigation from its site, and must carry it.
            x.cookie(HttpCookie.build(STATE_COOKIE, started.getKey()).path("/api/signin/oidc").httpOnly(true)
                    .secure(forceSecure || x.secure()).sameSite(HttpCookie.SameSite.LAX).maxAge(600).build());
            x.redirect(started.getValue().toString());
        }).get(CALLBACK, (x, p) -> callback(x));
    }

    private void callback(Exchange x) throws IOException {
        OidcSignIn.Identity who = oidc.finish(x.rawQuery(), x.cookie(STATE_COOKIE));
        Optional<Account> account = accounts.with(s -> {
            Optional<Account> a = s.findBySubject(who.subject());
            if (a.isEmpty() && who.email() != null) {
                a = s.findByEmail(who.email()).filter(found -> found.subject() == null);
                a.ifPresent(found -> s.link(found.name(), who.subject(), null));
            }
            return a;
        });
        if (account.isEmpty()) {
            LOG.info("identity provider sign-in without an account");
            throw new ApiError(403, "error.oidc.no-account");
        }
        if (account.get().disabled()) {
            // The provider vouched for this person and the account is theirs: telling them it is switched off tells
            // no one else anything (unlike the password form, whose refusals never say whether a name exists).
            LOG.info("identity provider sign-in to a disabled account: {}", account.get().name());
            throw new ApiError(403, "error.oidc.disabled");
        }
        Sessions.Session s = sessions.open(account.get().name());
        audit.record(account.get().name(), "sign-in", null, "account", account.get().name(), "identitetstilbyder");
        boolean secure = forceSecure || x.secure();
        x.cookie(HttpCookie.build(Gate.COOKIE, s.id()).path("/").httpOnly(true).secure(secure)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(sessions.absolute().toSeconds()).build());
        x.cookie(HttpCookie.build(STATE_COOKIE, "").path("/api/signin/oidc").httpOnly(true).secure(secure)
                .sameSite(HttpCookie.SameSite.LAX).maxAge(Duration.ZERO.toSeconds()).build());
        LOG.info("signed in through the identity provider: {}", s.user());
        // A page of our own that goes on to the workspace: a navigation from this site, so the Strict
        // session cookie is sent with it (it would not be on a redirect chain begun at the provider).
        // in the language the person keeps with their account (else this browser's)
        Language l = ErrorTexts.language(accounts.language(s.user()).orElse(null), x.cookie(ErrorTexts.COOKIE), x.header("Accept-Language"));
        byte[] page = ("<!DOCTYPE html><html lang=\"" + l.code() + "\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0;url=/\">"
                + "<title>Evidens</title></head><body><p><a href=\"/\">" + Texts.of(l).get("page.oidc.continue") + "</a></p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        x.send(200, "text/html; charset=utf-8", page, null);
    }
}
