package no.evidens.pipeline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.access.AccessStore;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.findings.StoreTooNew;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.web.WebServer;

/**
 * The pool of store-server connections a web server keeps ({@link StorePools}), against a store server in this JVM: requests
 * take kept connections instead of making one each, give every one back, survive a restarted server, are told at once of a
 * stopped one, carry nothing uncommitted over, and leave no connection open once the web server stops.
 */
class StorePoolIT {
    private static final String PASSWORD = "testpassord-for-lagertjeneren";
    private static final String ADMIN = "adminpassord-for-lagertjeneren";
    private static final String CASE = "testkommune-2026";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;
    private int port;
    private StoreServe server;
    private EvidensHome home;

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        server = StoreServe.start(tmp.resolve("server"), port, "127.0.0.1", PASSWORD, ADMIN);
        Path root = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(root.resolve(HomeStores.SETTINGS), "store: tcp://127.0.0.1:" + port + "\n");
        Path file = root.resolve(StorePassword.FILE);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, PASSWORD + "\n");
        home = new EvidensHome(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void concurrentRequestsShareAFewKeptConnectionsAndGiveEachBack() throws Exception {
        // kept open through the test: H2 closes a database when its last session ends, and numbers sessions anew when it opens
        try (StorePools pooling = StorePools.open(); Connection heldFindings = admin(StoreServer.FINDINGS);
             Connection heldAccess = admin(StoreServer.ACCESS)) {
            assertEquals(0, pooling.inUse());
            assertFalse(heldFindings.isClosed() || heldAccess.isClosed());
            long before = sessions();
            ExecutorService threads = Executors.newFixedThreadPool(12);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < 12; t++) {
                    int user = t;
                    work.add(threads.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            try (FindingStore s = HomeStores.of(home).findings(WAIT)) {
                                // a case each: the test is about the connections, not about writers of one case waiting in turn
                                s.create(CASE + "-" + user, FindingKind.MERKNAD, new FindingDraft("Funn " + i, List.of(), null, null), "kari");
                            }
                            try (AccessStore a = HomeStores.of(home).access(WAIT)) {
                                a.find("kari");
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : work) {
                    f.get();
                }
            } finally {
                threads.shutdownNow();
            }
            assertEquals(0, pooling.inUse(), "every connection taken was given back");
            // 600 stores opened by 12 threads at once: about the pool's bound per database was connected, not one per opening
            // (H2's pool may make one more when a connection is taken just as another comes back; this probe's own left out)
            long made = sessions() - before - 2;
            assertTrue(made <= 4L * StorePool.SIZE, "connections made for 600 openings: " + made);
            try (FindingStore s = HomeStores.of(home).findings(WAIT)) {
                for (int t = 0; t < 12; t++) {
                    assertEquals(25, s.findings(CASE + "-" + t).size(), "every finding made through the pool is there");
                }
            }
        }
    }

    @Test
    void aStoreServerRestartedIsUsedAgainAtTheNextRequest() throws Exception {
        try (StorePools pooling = StorePools.open()) {
            assertEquals(0, pooling.inUse());
            keepSome();
            server.close();
            server = StoreServe.start(tmp.resolve("server"), port, "127.0.0.1", PASSWORD, ADMIN);
            // every kept connection was broken by the old server process: dropped, and a new one made
            for (int i = 0; i < 3; i++) {
                try (FindingStore s = HomeStores.of(home).findings(WAIT)) {
                    s.create(CASE, FindingKind.AVVIK, new FindingDraft("Etter omstart " + i, List.of(), null, null), "kari");
                }
                try (AccessStore a = HomeStores.of(home).access(WAIT)) {
                    assertTrue(a.find("ingen").isEmpty());
                }
            }
            assertEquals(0, pooling.inUse());
        }
    }

    @Test
    void theSchemaIsReadOncePerKeptConnectionNotAtEveryOpening() throws Exception {
        // a session held meanwhile: the database stays open, and H2 counts the statements of every session
        try (StorePools pooling = StorePools.open(); Connection held = admin(StoreServer.FINDINGS);
             Connection heldAccess = admin(StoreServer.ACCESS)) {
            for (Connection c : List.of(held, heldAccess)) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET QUERY_STATISTICS TRUE");
                }
            }
            for (int i = 0; i < 20; i++) {
                try (FindingStore s = HomeStores.of(home).findings(WAIT)) {
                    assertTrue(s.findings(CASE).isEmpty());
                }
                try (AccessStore a = HomeStores.of(home).access(WAIT)) {
                    assertTrue(a.find("ingen").isEmpty());
                }
            }
            // one after the other: one connection made and kept, its schema read as it was made (20 reads before)
            long reads = schemaReads(held, "from schema_version");
            assertTrue(reads >= 1 && reads <= 2, "the findings store's schema read " + reads + " times by 20 openings");
            long accessReads = schemaReads(heldAccess, "from schema_version");
            assertTrue(accessReads >= 1 && accessReads <= 2, "the access database's schema read " + accessReads + " times by 20 openings");
            assertEquals(0, pooling.inUse());
        }
    }

    @Test
    void aStoreANewerEvidensUpgradedAtTheServersRestartIsSaidToTheServerLeftRunning() throws Exception {
        try (StorePools pooling = StorePools.open()) {
            keepSome();
            server.close();
            server = StoreServe.start(tmp.resolve("server"), port, "127.0.0.1", PASSWORD, ADMIN);
            // what a newer Evidens's store server does as it starts: its schema is a version further on
            try (Connection c = admin(StoreServer.FINDINGS); Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'newer', CURRENT_TIMESTAMP)");
            }
            // the kept connections were the old server's: the new ones read the schema, and the older Evidens stops there
            assertThrows(StoreTooNew.class, () -> HomeStores.of(home).findings(WAIT));
            assertThrows(StoreTooNew.class, () -> HomeStores.of(home).findings(WAIT), "and at the next request too");
            assertEquals(0, pooling.inUse());
        }
    }

    @Test
    void aStoppedStoreServerIsSaidAtOnceWithKeptConnectionsInThePool() throws Exception {
        try (StorePools pooling = StorePools.open()) {
            assertEquals(0, pooling.inUse());
            keepSome();
            server.close();
            long t0 = System.nanoTime();
            StoreUnreachable e = assertThrows(StoreUnreachable.class, () -> HomeStores.of(home).findings(WAIT));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(e.getMessage().contains("does not answer (Connection refused)"), e.getMessage());
            // not the pool's 10 s wait for a connection, nor a network timeout: the driver's own refusal (a bound, not a speed)
            assertTrue(seconds < 5, "said after " + seconds + " s");
            assertEquals(0, pooling.inUse());
        } finally {
            server = StoreServe.start(tmp.resolve("server"), port, "127.0.0.1", PASSWORD, ADMIN);
        }
    }

    @Test
    void aConnectionGivenBackInTheMiddleOfATransactionCarriesNothingToTheNext() throws Exception {
        try (FindingStore s = HomeStores.of(home).findings(WAIT)) {
            s.schemaVersion();
        }
        try (StorePools pooling = StorePools.open()) {
            assertEquals(0, pooling.inUse());
            DataSource pool = StorePools.pooled(new StoreServer("127.0.0.1", port).url(StoreServer.FINDINGS), StoreServer.USER, PASSWORD);
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.executeUpdate("INSERT INTO saved_search (case_id, name, query, filters, hits_saved, saved_at, saved_by)"
                        + " VALUES ('" + CASE + "', 'halvferdig', 'rutine', '', 0, CURRENT_TIMESTAMP, 'kari')");
                // given back without a commit (a request that failed half-way)
            }
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                c.commit();
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM saved_search")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the half-done insert was rolled back, not committed by the next user");
                }
            }
        }
    }

    @Test
    void aWebServerStoppedLeavesNoConnectionOnTheStoreServer() throws Exception {
        try (WebServer web = WebServer.start(home, 0, "testar")) {
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(web.url() + "api/findings?case=" + CASE)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
            }
            assertTrue(homeSessions() > 0, "the server keeps connections while it runs");
        }
        assertEquals(0, homeSessions(), "the web server's kept connections are closed as it stops");
    }

    /** Takes and gives back a few connections of each database, so that the pool keeps them. */
    private void keepSome() {
        List<AutoCloseable> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(HomeStores.of(home).findings(WAIT));
            open.add(HomeStores.of(home).access(WAIT));
        }
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Connection admin(String db) throws SQLException {
        return DriverManager.getConnection(new StoreServer("127.0.0.1", port).url(db), StoreServer.ADMIN_USER, ADMIN);
    }

    /**
     * The number of a new session of each database, summed: H2 numbers an open database's sessions one after the other, so
     * the difference between two counts is how many connections were made in between (this probe's own included).
     */
    private long sessions() throws SQLException {
        long sum = 0;
        for (String db : List.of(StoreServer.FINDINGS, StoreServer.ACCESS)) {
            try (Connection c = admin(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT SESSION_ID()")) {
                rs.next();
                sum += rs.getLong(1);
            }
        }
        return sum;
    }

    /** How many times the schema's version was read since H2 began counting (SET QUERY_STATISTICS). */
    private static long schemaReads(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0)"
                + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE LOWER(SQL_STATEMENT) LIKE '%" + query + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The homes' sessions open on the server now, in both databases. */
    private long homeSessions() throws SQLException {
        long sum = 0;
        for (String db : List.of(StoreServer.FINDINGS, StoreServer.ACCESS)) {
            try (Connection c = DriverManager.getConnection(new StoreServer("127.0.0.1", port).url(db), StoreServer.ADMIN_USER, ADMIN);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE USER_NAME = '"
                         + StoreServer.USER.toUpperCase(java.util.Locale.ROOT) + "'")) {
                rs.next();
                sum += rs.getLong(1);
            }
        }
        return sum;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
