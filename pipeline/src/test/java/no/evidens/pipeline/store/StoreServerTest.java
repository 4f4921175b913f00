package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;

class StoreServerTest {
    @TempDir
    Path tmp;

    @AfterEach
    void clear() {
        System.clearProperty(HomeStores.PROPERTY);
        System.clearProperty(StoreServer.NETWORK_TIMEOUT_PROPERTY);
    }

    @Test
    void theWaitForAnAnswerIsTwelveSecondsUnlessTheProcessIsToldOtherwise() {
        StoreServer server = StoreServer.parse("arkiv.example");
        System.setProperty(StoreServer.NETWORK_TIMEOUT_PROPERTY, "6000");
        assertEquals("jdbc:h2:tcp://arkiv.example:9092/evidens-findings;LOCK_TIMEOUT=10000;NETWORK_TIMEOUT=6000",
                server.url(StoreServer.FINDINGS), "read as the address is made, not once per process");
        assertEquals(2_000, StoreChecks.hung().toMillis(), "a check is taken for hung after a third of it");
        for (String wrong : new String[] {"0", "6 s"}) {
            System.setProperty(StoreServer.NETWORK_TIMEOUT_PROPERTY, wrong);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> server.url(StoreServer.FINDINGS)).getMessage()
                    .contains(StoreServer.NETWORK_TIMEOUT_PROPERTY + "=" + wrong), "refused, not taken for the 12 s: " + wrong);
        }
        System.clearProperty(StoreServer.NETWORK_TIMEOUT_PROPERTY);
        assertEquals("jdbc:h2:tcp://arkiv.example:9092/evidens-findings;LOCK_TIMEOUT=10000;NETWORK_TIMEOUT=12000",
                server.url(StoreServer.FINDINGS));
        assertEquals(4_000, StoreChecks.hung().toMillis());
    }

    @Test
    void anAddressIsReadWithOrWithoutItsSchemeAndPort() {
        assertEquals(new StoreServer("arkiv.example", 9092), StoreServer.parse("tcp://arkiv.example"));
        assertEquals(new StoreServer("arkiv.example", 19092), StoreServer.parse(" arkiv.example:19092 "));
        assertEquals(new StoreServer("10.0.0.5", 9100), StoreServer.parse("TCP://10.0.0.5:9100/"));
        assertEquals("jdbc:h2:tcp://arkiv.example:9092/evidens-findings;LOCK_TIMEOUT=10000;NETWORK_TIMEOUT=12000",
                StoreServer.parse("arkiv.example").url(StoreServer.FINDINGS));
        StoreServer tls = StoreServer.parse("SSL://arkiv.example:9100");
        assertTrue(tls.tls());
        assertEquals("ssl://arkiv.example:9100", tls.toString());
        assertEquals("jdbc:h2:ssl://arkiv.example:9100/evidens-access;LOCK_TIMEOUT=10000;NETWORK_TIMEOUT=12000", tls.url(StoreServer.ACCESS));
    }

    @Test
    void anAddressThatIsNotAStoreServersIsRefusedSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreServer.parse("https://arkiv:9092")).getMessage()
                .contains("not https://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreServer.parse("tcp://arkiv:9092/evidens-findings")).getMessage()
                .contains("no user, password or database in it"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreServer.parse("tcp://ola:hemmelig@arkiv:9092")).getMessage()
                .contains("no user, password or database in it"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreServer.parse("  ")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreServer.parse("arkiv:70000")).getMessage().contains("70000"));
    }

    @Test
    void aHomeWithoutAStoreLineKeepsItsStoresInItsFolders() throws IOException {
        EvidensHome home = new EvidensHome(tmp);
        Files.writeString(tmp.resolve(HomeStores.SETTINGS), "solr: zk1:2181/solr\n");
        HomeStores stores = HomeStores.of(home);
        assertFalse(stores.onServer());
        assertNull(stores.server());
        assertFalse(stores.hasFindings(), "no findings folder yet");
    }

    @Test
    void theStoreLineNamesTheServerAndStoreOnTheCommandLineGoesBeforeIt() throws IOException {
        EvidensHome home = new EvidensHome(tmp);
        Files.writeString(tmp.resolve(HomeStores.SETTINGS), "solr: zk1:2181/solr\nstore: tcp://arkiv.example:9093\n");
        assertEquals(new StoreServer("arkiv.example", 9093), HomeStores.of(home).server());
        assertTrue(HomeStores.of(home).hasFindings(), "a server's store is there to read");
        System.setProperty(HomeStores.PROPERTY, "annen.example");
        assertEquals(new StoreServer("annen.example", 9092), HomeStores.of(home).server());
    }
}
