package no.evidens.pipeline.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.eclipse.jetty.http.HttpCookie;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.pipeline.findings.AuditService;
import no.evidens.access.SignIn;
import no.evidens.access.Sessions;

/**
 * Sign-in with a local account: {@code GET /api/signin} (how to sign in), {@code POST /api/signin}
 * ({@code {"user","password"}}: sets the session cookie) and {@code POST /api/signout}. The cookie is
 * HttpOnly, SameSite=Strict, Secure over TLS, and lives as long as the session at most.
 */
final class SignInResource implements Routes.Resource {
    private static final Logger LOG = LoggerFactory.getLogger(SignInResource.class);

    private final Sessions sessions;
    private final Accounts accounts;
    private final boolean forceSecure;
    private final boolean oidc;

    private final AuditService audit;

    SignInResource(Sessions sessions, Accounts accounts, boolean forceSecure, boolean oidc, AuditService audit) {
        this.audit = audit;
        this.sessions = sessions;
        this.accounts = accounts;
        this.forceSecure = forceSecure;
        this.oidc = oidc;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/signin", (x, p) -> x.json(200, Map.of("signIn", true, "signedIn", x.signedIn(), "oidc", oidc)))
                .post("/api/signin", (x, p) -> signIn(x))
                .post("/api/signout", (x, p) -> {
                    sessions.close(x.cookie(Gate.COOKIE));
                    x.cookie(cookie(x, "", Duration.ZERO));
                    x.noContent();
                });
    }

    private void signIn(Exchange x) throws IOException {
        JsonFields b = new JsonFields(x.jsonBody(), "user", "password");
        String user = b.required("user").strip().toLowerCase(java.util.Locale.ROOT);
        char[] password = b.required("password").toCharArray();
        SignIn.Outcome o;
        try {
            o = accounts.attempt(user, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        switch (o.status()) {
            case OK -> {
                Sessions.Session s = sessions.open(o.account().name());
                x.cookie(cookie(x, s.id(), sessions.absolute()));
                LOG.info("signed in: {}", o.account().name());
                audit.record(o.account().name(), "sign-in", null, "account", o.account().name(), "passord");
                x.json(200, Map.of("user", s.user()));
            }
            case WAIT -> {
                x.responseHeader("Retry-After", Long.toString(seconds(o.retryAfter())));
                throw new ApiError(429, "error.signin.wait", seconds(o.retryAfter()));
            }
            case LOCKED -> {
                LOG.warn("sign-in refused, account locked: {}", user);
                audit.record(user, "sign-in-refused", null, "account", user, "sperret");
                x.responseHeader("Retry-After", Long.toString(seconds(o.retryAfter())));
                throw new ApiError(429, "error.signin.locked", Math.max(1, seconds(o.retryAfter()) / 60));
            }
            default -> {
                LOG.info("sign-in failed for a user name");
                audit.record(user, "sign-in-failed", null, "account", user, "feil brukernavn eller passord");
                throw new ApiError(401, "error.signin.wrong");
            }
        }
    }

    private static long seconds(Instant until) {
        return Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
    }

    private HttpCookie cookie(Exchange x, String value, Duration maxAge) {
        return HttpCookie.build(Gate.COOKIE, value).path("/").httpOnly(true).secure(forceSecure || x.secure())
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(maxAge.toSeconds()).build();
    }
}
