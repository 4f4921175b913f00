package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store server's door hands a signed-in connection to H2 (round 53): nothing relays its bytes any more, and H2 has no
 * port of its own that a process on the server's machine could reach without passing the door.
 */
class StoreDoorIT {
    private static final String PASSWORD = "testpassord-for-lagertjeneren";
    private static final String ADMIN = "adminpassord-for-lagertjeneren";

    @TempDir
    Path tmp;

    @Test
    void aSignedInConnectionIsServedByH2AloneAndTheDoorIsTheServersOnlyPort() throws Exception {
        Set<Integer> before = listening();
        int port = freePort();
        try (StoreServe server = StoreServe.start(tmp.resolve("server"), port, "127.0.0.1", PASSWORD, ADMIN)) {
            Set<Integer> after = listening();
            after.removeAll(before);
            assertEquals(Set.of(port), after, "the server listens on the door's port and no other");

            StoreServer address = new StoreServer("127.0.0.1", server.port());
            try (Connection c = DriverManager.getConnection(address.url(StoreServer.FINDINGS), StoreServer.USER, PASSWORD);
                    Statement s = c.createStatement()) {
                for (int i = 0; i < 50; i++) {
                    try (ResultSet r = s.executeQuery("SELECT " + i)) {
                        assertTrue(r.next());
                        assertEquals(i, r.getInt(1));
                    }
                }
                // the door's thread for the connection ends once it has handed it over; before, two stayed to relay it
                long deadline = System.nanoTime() + 3_000_000_000L;
                List<String> relaying = doorThreads();
                while (!relaying.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                    relaying = doorThreads();
                }
                assertEquals(List.of(), relaying, "no thread of the door's per signed-in connection");
            }
        }
    }

    /** The door's threads for one connection (its acceptor is named without an address). */
    private static List<String> doorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("evidens-store-door ")).toList();
    }

    /** The TCP ports this process listens on, on any address, from the kernel's tables of its sockets. */
    private static Set<Integer> listening() throws IOException {
        Set<String> mine = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        mine.add(link.substring(8, link.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // columns: sl, local address:port (hexadecimal), remote, st (0A: LISTEN), …, inode (the tenth)
                if (f[3].equals("0A") && mine.contains(f[9])) {
                    ports.add(Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
