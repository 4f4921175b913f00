package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import no.evidens.access.AccessStore;
import no.evidens.access.Role;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.ingest.Ingestion;

/**
 * Sign-in through an OpenID Connect provider running in this JVM (NAV's mock-oauth2-server): the
 * browser's round trip (redirects followed by hand, cookies carried by hand), the person mapped to an
 * account by e-mail and then by the linked subject, roles from the memberships; an unknown person and
 * a callback with another browser's state are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInIT {
    private final MockOAuth2Server idp = new MockOAuth2Server();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Path root;
    private WebServer server;

    @BeforeAll
    void start() throws Exception {
        idp.start();
        root = Files.createTempDirectory("evidens-oidc");
        EvidensHome home = new EvidensHome(root);
        try (AccessStore s = AccessStore.open(home.access())) {
            s.addUser("kari", null, false);
            s.link("kari", null, "kari@kommune.no");
            s.addMember("sak-1", "kari", Role.AUDITOR, "test");
            s.addUser("per", null, false);
            s.link("per", null, "per@kommune.no");
            s.addMember("sak-1", "per", Role.AUDITOR, "test");
            s.setDisabled("per", true);
        }
        Exposure exposure = Exposure.signedIn().withOidc(new Exposure.Oidc(URI.create(idp.issuerUrl("default").toString()), "evidens", "hemmelig"));
        server = WebServer.start(home, WebConfig.defaults(0, 1 << 20), exposure, "ignored", Ingestion::new);
    }

    @AfterAll
    void stop() {
        server.close();
        idp.shutdown();
        SampleHome.delete(root);
    }

    private HttpResponse<String> get(String url, String cookie) throws Exception {
        return get(url, cookie, null);
    }

    /** A GET as a browser's navigation sends it when {@code accept} is its Accept header (text/html …). */
    private HttpResponse<String> get(String url, String cookie, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + r.headers().map()));
    }

    /** The browser's round trip: to the provider and back; the callback's answer. */
    private HttpResponse<String> roundTrip(String subject, String email) throws Exception {
        return roundTrip(subject, email, null);
    }

    /** As {@link #roundTrip(String, String)}, the callback asked for as a browser asks ({@code accept}). */
    private HttpResponse<String> roundTrip(String subject, String email, String accept) throws Exception {
        return roundTrip(subject, email, accept, null);
    }

    /** As {@link #roundTrip(String, String, String)}, the browser also sending {@code cookie} back with the callback. */
    private HttpResponse<String> roundTrip(String subject, String email, String accept, String cookie) throws Exception {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("evidens"),
                email == null ? Map.of() : Map.of("email", email)));
        HttpResponse<String> begin = get(server.url() + "api/signin/oidc", null);
        assertEquals(302, begin.statusCode(), begin.body());
        String state = cookie(begin, "evidens_oidc");
        HttpResponse<String> atIdp = get(begin.headers().firstValue("Location").orElseThrow(), null);
        assertEquals(302, atIdp.statusCode(), atIdp.body());
        String back = atIdp.headers().firstValue("Location").orElseThrow();
        assertTrue(back.startsWith(server.url() + "api/signin/oidc/callback?"), back);
        return get(back, cookie == null ? state : state + "; " + cookie, accept);
    }

    @Test
    void aPersonSignsInThroughTheProviderAsTheirAccountWithTheirRoles() throws Exception {
        HttpResponse<String> done = roundTrip("sub-kari-1", "Kari@kommune.no");
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(done.body().contains("<html lang=\"nb\">") && done.body().contains(">Videre til Evidens</a>"), done.body());
        String session = cookie(done, "evidens_session");
        assertTrue(done.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("evidens_session=")
                && c.contains("HttpOnly") && c.contains("SameSite=Strict")), done.headers().map().toString());
        var me = Json.mapper().readTree(get(server.url() + "api/session", session).body());
        assertEquals("kari", me.get("user").asText());
        assertEquals("auditor", me.get("roles").get("sak-1").asText());
        // The subject is linked now: the next sign-in finds kari by it, whatever e-mail the provider sends.
        HttpResponse<String> again = roundTrip("sub-kari-1", null);
        assertEquals(200, again.statusCode(), again.body());
        assertEquals("kari", Json.mapper().readTree(get(server.url() + "api/session", cookie(again, "evidens_session")).body())
                .get("user").asText());
    }

    @Test
    void aPersonWithoutAnAccountIsRefused() throws Exception {
        HttpResponse<String> done = roundTrip("sub-ukjent", "ukjent@kommune.no");
        assertEquals(403, done.statusCode(), done.body());
        assertTrue(done.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("evidens_session=")));
    }

    @Test
    void aBrowserIsToldARefusalOnAPageInBokmalWithoutTheProvidersWords() throws Exception {
        String html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        HttpResponse<String> noAccount = roundTrip("sub-ukjent-2", "ukjent2@kommune.no", html);
        refusalPage(noAccount, 403, "Du har ingen aktiv konto i Evidens: be en administrator legge deg til (med e-postadressen din).");
        // the provider says no (the person cancelled there): its code is the protocol's English, for the log only
        HttpResponse<String> denied = get(server.url() + "api/signin/oidc/callback?error=access_denied&error_description="
                + "The+user+denied+access&state=abc", null, html);
        refusalPage(denied, 401, "Innloggingen ble avbrutt, eller innloggingstjenesten ga deg ikke tilgang.");
        assertTrue(!denied.body().contains("access_denied") && !denied.body().contains("denied access"), denied.body());
        // the API's clients keep the JSON
        HttpResponse<String> json = get(server.url() + "api/signin/oidc/callback?error=access_denied&state=abc", null);
        assertEquals(401, json.statusCode());
        assertEquals("Innloggingen ble avbrutt, eller innloggingstjenesten ga deg ikke tilgang.",
                Json.mapper().readTree(json.body()).get("error").asText());
    }

    @Test
    void aPersonWhoseAccountIsSwitchedOffIsToldSoInTheirLanguage() throws Exception {
        String html = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        // the provider vouched for per, whose account is switched off: the page says so, not that there is no account
        refusalPage(roundTrip("sub-per-1", "per@kommune.no", html), 403,
                "Kontoen din i Evidens er slått av: be en administrator slå den på igjen.");
        // the subject is linked now; in Nynorsk (the language cookie) the same
        HttpResponse<String> nn = roundTrip("sub-per-1", null, html, "evidens-sprak=nn");
        assertEquals(403, nn.statusCode(), nn.body());
        assertTrue(nn.body().contains("<html lang=\"nn\">")
                && nn.body().contains("Kontoen din i Evidens er slått av: be ein administrator slå han på att."), nn.body());
        assertTrue(nn.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("evidens_session=")));
        // an unknown person is still told there is no account
        refusalPage(roundTrip("sub-ukjent-3", "ukjent3@kommune.no", html), 403,
                "Du har ingen aktiv konto i Evidens: be en administrator legge deg til (med e-postadressen din).");
    }

    /** The sign-in's refusal as a page: the status, Bokmål, the message, the way back to the sign-in page, no JSON. */
    private static void refusalPage(HttpResponse<String> r, int status, String message) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), r.headers().map().toString());
        String body = r.body();
        assertTrue(body.contains("<html lang=\"nb\">") && body.contains("<h1>") && body.contains(message), body);
        assertTrue(body.contains("href=\"/signin.html\">Tilbake til innloggingen</a>"), body);
        assertTrue(!body.contains("\"error\"") && !body.contains("error.oidc") && !body.contains("Exception"), body);
        assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("evidens_session=")));
    }

    @Test
    void aCallbackWithAnotherBrowsersStateIsRefused() throws Exception {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "sub-kari-1", "JWT", List.of("evidens"), Map.of()));
        HttpResponse<String> begin = get(server.url() + "api/signin/oidc", null);
        HttpResponse<String> atIdp = get(begin.headers().firstValue("Location").orElseThrow(), null);
        HttpResponse<String> forged = get(atIdp.headers().firstValue("Location").orElseThrow(), "evidens_oidc=someone-elses");
        assertEquals(401, forged.statusCode(), forged.body());
    }
}
