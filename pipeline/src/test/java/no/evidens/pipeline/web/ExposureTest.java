package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

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
}
