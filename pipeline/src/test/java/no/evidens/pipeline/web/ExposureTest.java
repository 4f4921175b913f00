package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Who may reach the workspace: anything that brings the network to it needs sign-in. */
class ExposureTest {
    private static final URI PUBLIC = URI.create("https://evidens.kommune.no/");

    @Test
    void everyInterfaceNeedsSignIn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Exposure("0.0.0.0", false, null, null, null, false, null));
        assertTrue(e.getMessage().contains("add --sign-in"), e.getMessage());
        assertEquals("0.0.0.0", new Exposure("0.0.0.0", true, null, null, null, false, null).host());
    }

    @Test
    void aReverseProxyNeedsSignInToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Exposure(null, false, null, null, PUBLIC, true, null));
        assertEquals("the workspace runs behind a reverse proxy only with sign-in on (add --sign-in): the proxy brings the network"
                + " to it, and without sign-in anyone who reaches the proxy reads every case", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Exposure(null, false, null, null, null, true, null));
        Exposure team = new Exposure(null, true, null, null, PUBLIC, true, null);
        assertTrue(team.behindProxy() && team.signIn());
        assertTrue(Exposure.loopback(team.host()), team.host());
    }

    @Test
    void signInOverPlainHttpOnTheNetworkIsWarnedOf() {
        assertEquals("sign-in on 0.0.0.0 over plain http: passwords and session cookies cross the network unencrypted; serve with"
                + " --tls-keystore, or behind a reverse proxy that terminates TLS (--behind-proxy)",
                new Exposure("0.0.0.0", true, null, null, null, false, null).warning());
        assertNull(new Exposure("0.0.0.0", true, Path.of("evidens.p12"), "hemmelig", null, false, null).warning(), "TLS");
        assertNull(new Exposure(null, true, null, null, PUBLIC, true, null).warning(), "a proxy in front");
        assertNull(Exposure.signedIn().warning(), "loopback");
        assertNull(Exposure.local().warning());
    }
}
