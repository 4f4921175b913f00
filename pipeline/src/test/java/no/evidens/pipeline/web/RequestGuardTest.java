package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class RequestGuardTest {
    private static final int PORT = 8443;

    @Test
    void onEveryInterfaceTheMachinesOwnAddressesAreAcceptedAndPrinted() {
        RequestGuard guard = new RequestGuard(new Exposure("0.0.0.0", true, null, null, null, false, null), PORT);
        List<String> own = RequestGuard.machineHosts();
        for (String name : own) {
            assertTrue(guard.accepts(name + ":" + PORT), name);
            assertTrue(guard.accepts(name.toUpperCase(java.util.Locale.ROOT) + ":" + PORT), "case does not matter: " + name);
        }
        assertTrue(guard.accepts("127.0.0.1:" + PORT));
        assertTrue(guard.accepts("localhost:" + PORT));
        assertFalse(guard.accepts("angriper.example:" + PORT), "another machine's name (DNS rebinding)");
        assertFalse(guard.accepts(null));
        String first = own.stream().filter(a -> a.indexOf('.') > 0 && Character.isDigit(a.charAt(0))).findFirst()
                .orElse("127.0.0.1");
        assertEquals("http://" + first + ":" + PORT + "/", guard.url(), "an address people on the network can open");
    }

    @Test
    void onLoopbackOnlyTheLoopbackNamesAreAccepted() {
        RequestGuard guard = new RequestGuard(Exposure.local(), PORT);
        for (String name : RequestGuard.machineHosts()) {
            if (!name.equals("localhost")) {
                assertFalse(guard.accepts(name + ":" + PORT), name);
            }
        }
        assertTrue(guard.accepts("[::1]:" + PORT));
        assertEquals("http://127.0.0.1:" + PORT + "/", guard.url());
    }

    @Test
    void behindAPublicAddressItsHostIsAcceptedAndPrinted() {
        RequestGuard guard = new RequestGuard(new Exposure("0.0.0.0", true, null, null,
                URI.create("https://evidens.kommune.no/"), false, null), PORT);
        assertTrue(guard.accepts("evidens.kommune.no"));
        assertFalse(guard.accepts("angriper.example"));
        assertEquals("https://evidens.kommune.no/", guard.url());
    }
}
