package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import no.evidens.access.AccessStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.fixture.SampleHome;
import no.evidens.pipeline.ingest.Ingestion;

/** The workspace over TLS from a keystore (made here with the JDK's keytool): https answers, and the session cookie is Secure. */
class TlsServerIT {
    private static final String STORE_PASSWORD = "keystore-passord";

    @Test
    void servesHttpsAndMarksTheSessionCookieSecure() throws Exception {
        Path root = Files.createTempDirectory("evidens-tls");
        try {
            Path keystore = root.resolve("evidens.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "evidens", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
            String out = new String(keytool.getInputStream().readAllBytes());
            assertEquals(0, keytool.waitFor(), out);
            EvidensHome home = new EvidensHome(root.resolve("home"));
            try (AccessStore s = AccessStore.open(home.access())) {
                s.addUser("kari", "et langt passord".toCharArray(), false);
            }
            Exposure exposure = new Exposure(null, true, keystore, STORE_PASSWORD, null, false, null);
            try (WebServer server = WebServer.start(home, WebConfig.defaults(0, 1 << 20), exposure, "ignored", Ingestion::new)) {
                assertTrue(server.url().startsWith("https://127.0.0.1:"), server.url());
                HttpClient http = HttpClient.newBuilder().sslContext(trusting(keystore)).connectTimeout(Duration.ofSeconds(10)).build();
                String base = "https://localhost:" + server.port() + "/";
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "signin.html")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode());
                HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "api/signin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"kari\",\"password\":\"et langt passord\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, signIn.statusCode(), signIn.body());
                String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
                assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            }
        } finally {
            SampleHome.delete(root);
        }
    }

    /** A client that trusts the keystore's own (self-signed) certificate. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
