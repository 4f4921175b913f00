package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.StampedNames;

/**
 * A home backed up and restored reads its receipts at the moments the old home did: the receipts whose moment is their
 * file's time (one named by hand; an old name of the hour the clocks went back) keep that time through the copy, and
 * through the restore's renaming of the uploaded bundles they name.
 */
class HomeBackupReceiptsTest {
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path tmp;

    @Test
    void aRestoredHomeReadsItsReceiptsAtTheMomentsTheOldOneDid() throws Exception {
        EvidensHome old = new EvidensHome(tmp.resolve("gammel"));
        // written before round 46 in Oslo, the night of 25 October 2026: 02:50 summer time, then 02:10 winter time
        receipt(old, "sak-20261025-025000-000.json", "/buntene/forste", "2026-10-25T00:50:01Z");
        receipt(old, "sak-20261025-021000-000.json", "/buntene/andre", "2026-10-25T01:10:01Z");
        // copied in by hand, naming an upload kept in the old home
        String upload = old.root().resolve("bundles").resolve("sak-opplastet.zip").toString();
        receipt(old, "kopi.json", upload, "2026-10-26T08:00:00Z");

        HomeBackup backup = new HomeBackup(Duration.ofSeconds(5));
        backup.backup(old, tmp.resolve("kopi"));
        EvidensHome restored = new EvidensHome(tmp.resolve("ny"));
        backup.restore(tmp.resolve("kopi"), restored);

        Receipts receipts = new Receipts(restored.receipts(), new StampedNames(ZoneId.of("Europe/Oslo")));
        assertEquals(Optional.of(Instant.parse("2026-10-26T08:00:00Z")),
                receipts.newContentSince("sak", Instant.parse("2026-10-26T00:00:00Z")), "the hand-named receipt's time");
        assertEquals(restored.root().resolve("bundles").resolve("sak-opplastet.zip").toString(),
                Json.mapper().readTree(restored.receipts().resolve("kopi.json").toFile()).path("bundle").asText(), "renamed");
        Files.delete(restored.receipts().resolve("kopi.json"));
        assertEquals(Optional.of("/buntene/andre"), receipts.bundleOf("sak", "notat.txt", SHA), "the one written last");
        assertEquals(Optional.of(Instant.parse("2026-10-25T01:10:00Z")),
                receipts.newContentSince("sak", Instant.parse("2026-10-25T01:00:00Z")));
    }

    private static void receipt(EvidensHome home, String name, String bundle, String written) throws Exception {
        Path p = home.receipts().resolve(name);
        Json.write(Json.mapper().readTree("{\"case\": \"sak\", \"bundle\": \"" + bundle + "\", \"files\": [{\"path\": \"notat.txt\", "
                + "\"sha256\": \"" + SHA + "\", \"status\": \"indexed\"}], \"counts\": {\"indexed\": 1}}"), p);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(written)));
    }
}
