package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.trail.AuditEntry;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.store.HomeStores;
import no.evidens.pipeline.store.StoreServe;

/** The trail's writer on a store server keeps its connection: nobody waits for a file lock there. */
class TrailWriterServerIT {
    private static final String PASSWORD = "et-passord-for-testen";
    private static final String ADMIN_PASSWORD = "et-adminpassord-for-testen";

    @TempDir
    Path tmp;

    @Test
    void theWriterKeepsItsConnectionToTheStoreServerPastTheIdleTime() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (StoreServe server = StoreServe.start(tmp.resolve("server"), port, "127.0.0.1", PASSWORD, ADMIN_PASSWORD)) {
            Path home = homeOn(server.port());
            try (TrailWriter w = TrailWriter.of(HomeStores.of(new EvidensHome(home)), home.resolve(AuditService.CHAIN_FILE),
                    Duration.ofSeconds(10))) {
                w.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "rutine"));
                Thread.sleep(TrailWriter.IDLE.toMillis() + 700);
                w.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "samarbeid"));
                assertEquals(1, w.opened(), "opened once, kept through the idle time");
            }
        }
    }

    @Test
    void aReadAfterTheStoreServerRestartedIsRecordedOnANewConnection() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = tmp.resolve("server");
        Path home = homeOn(port);
        try (TrailWriter w = TrailWriter.of(HomeStores.of(new EvidensHome(home)), home.resolve(AuditService.CHAIN_FILE),
                Duration.ofSeconds(10))) {
            try (StoreServe server = StoreServe.start(dir, port, "127.0.0.1", PASSWORD, ADMIN_PASSWORD)) {
                assertEquals(port, server.port());
                w.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "rutine"));
            }
            try (StoreServe server = StoreServe.start(dir, port, "127.0.0.1", PASSWORD, ADMIN_PASSWORD)) {
                assertEquals(port, server.port(), "started again where the home looks for it");
                // the kept connection broke with the first server: the request is not refused for it
                AuditEntry second = w.record(new AuditEvent("kari", "search", "fjordvik-2026", null, null, "samarbeid"));
                assertEquals(2, w.opened(), "a new connection after the restart");
                assertEquals(2L, second.id(), "the second entry of one trail");
            }
        }
    }

    private Path homeOn(int port) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(HomeStores.SETTINGS), "store: tcp://127.0.0.1:" + port + "\n");
        Path password = home.resolve("store.password");
        Files.createFile(password, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(password, PASSWORD + "\n");
        return home;
    }
}
