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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
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
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("evidens"),
                email == null ? Map.of() : Map.of("email", email)));
        HttpResponse<String> begin = get(server.url() + "api/signin/oidc", null);
        assertEquals(302, begin.statusCode(), begin.body());
        String state = cookie(begin, "evidens_oidc");
        HttpResponse<String> atIdp = get(begin.headers().firstValue("Location").orElseThrow(), null);
        assertEquals(302, atIdp.statusCode(), atIdp.body());
        String back = atIdp.headers().firstValue("Location").orElseThrow();
        assertTrue(back.startsWith(server.url() + "api/signin/oidc/callback?"), back);
        return get(back, state);
    }

    @Test
    void aPersonSignsInThroughTheProviderAsTheirAccountWithTheirRoles() throws Exception {
        HttpResponse<String> done = roundTrip("sub-kari-1", "Kari@kommune.no");
        assertEquals(200, done.statusCode(), done.body());
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
    void aCallbackWithAnotherBrowsersStateIsRefused() throws Exception {
        idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "sub-kari-1", "JWT", List.of("evidens"), Map.of()));
        HttpResponse<String> begin = get(server.url() + "api/signin/oidc", null);
        HttpResponse<String> atIdp = get(begin.headers().firstValue("Location").orElseThrow(), null);
        HttpResponse<String> forged = get(atIdp.headers().firstValue("Location").orElseThrow(), "evidens_oidc=someone-elses");
        assertEquals(401, forged.statusCode(), forged.body());
    }
}
