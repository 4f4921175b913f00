package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class H2OpeningTest {

    @Test
    void anH2ClientsOpeningIsReadWhole() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
                try {
                    DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + listener.getLocalPort() + "/evidens-findings;NETWORK_TIMEOUT=5000",
                            "evidens", "passordet").close();
                } catch (SQLException expected) {
                    // the test's server answers nothing
                }
            });
            try (Socket s = listener.accept()) {
                byte[] sent;
                H2Opening o;
                s.setSoTimeout(5_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                o = H2Opening.read(in);
                sent = o.bytes();
                assertEquals("evidens-findings", o.database());
                assertEquals("EVIDENS", o.user());
                assertFalse(o.cancel());
                // the copy reads back to the same message: what H2 is given is what the client sent
                assertEquals("evidens-findings", H2Opening.read(new DataInputStream(new ByteArrayInputStream(sent))).database());
                assertFalse(new String(sent, StandardCharsets.UTF_16BE).contains("passordet"), "a hash, not the password");
            }
            client.join();
        }
    }

    @Test
    void bytesThatAreNotAnH2ClientsAreRefusedBeforeAnyLengthTheyAnnounceIsTaken() {
        H2Opening.NotH2 http = assertThrows(H2Opening.NotH2.class, () -> read("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(http.getMessage().contains("an HTTP request, starting 47 45 54 20"), http.getMessage());
        H2Opening.NotH2 tls = assertThrows(H2Opening.NotH2.class, () -> read(new byte[] {0x16, 0x03, 0x01, 0x02, 0, 0, 0, 1}));
        assertTrue(tls.getMessage().contains("a TLS hello"), tls.getMessage());

        byte[] huge = ByteBuffer.allocate(12).putInt(17).putInt(21).putInt(120_000_000).array();
        H2Opening.NotH2 name = assertThrows(H2Opening.NotH2.class, () -> read(huge));
        assertEquals("announced the database's name of 120000000 characters (at most 1024)", name.getMessage());

        ByteBuffer hash = ByteBuffer.allocate(256).putInt(17).putInt(21);
        putString(hash, "evidens-findings");
        putString(hash, "jdbc:h2:tcp://x/evidens-findings");
        putString(hash, "EVIDENS");
        hash.putInt(1_500_000_000);
        H2Opening.NotH2 bytes = assertThrows(H2Opening.NotH2.class, () -> read(hash.array()));
        assertEquals("announced the password's hash of 1500000000 bytes (at most 256)", bytes.getMessage());
    }

    @Test
    void aRequestToCancelAStatementEndsAfterItsStatement() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(64).putInt(17).putInt(21).putInt(-1).putInt(-1);
        putString(b, "sid");
        b.putInt(13).putInt(7);
        byte[] bytes = java.util.Arrays.copyOf(b.array(), b.position());
        H2Opening o = read(bytes);
        assertTrue(o.cancel());
        assertArrayEquals(bytes, o.bytes());
    }

    private static H2Opening read(byte[] bytes) throws IOException {
        return H2Opening.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static void putString(ByteBuffer b, String s) {
        b.putInt(s.length());
        for (char c : s.toCharArray()) {
            b.putChar(c);
        }
    }
}
