package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.CliRun;

/**
 * A home whose bundles came through the inbox before round 43: its receipts and quotations name the bundle in the inbox,
 * and the watcher moved it to {@code done/} (under a free name: a bundle of the same name was there already) beside a
 * copy of its receipt. {@code verify} finds the file there (before: {@code vanished}, exit 3), and {@code case
 * delete-records} deletes it there, not from the other bundle of that name (before: the file was left).
 */
class OldInboxHomeTest {
    @TempDir
    Path tmp;

    @Test
    void verifyAndDeleteRecordsFindTheBundleTheOldWatcherMovedToDone() throws Exception {
        // tmp is the inbox: the old watcher ingested tmp/bundle, its receipt names it there
        CaseFixture fx = CaseFixture.create(tmp, "journal");
        String c = CaseFixture.CASE;
        CliRun r = CliRun.inHome(fx.home, "finding", "create", "--case", c, "--kind", "avvik", "--title", "Ingen oversikt");
        assertEquals(0, r.code(), r.err());
        r = CliRun.inHome(fx.home, "finding", "attach", "--case", c, "avvik-1", "--passage", fx.passageId(2));
        assertEquals(0, r.code(), r.err());

        // an earlier bundle of the same name, in done/ already, with the same path and other content
        Path done = Files.createDirectories(tmp.resolve("done"));
        Path other = Files.createDirectories(done.resolve("bundle").resolve(CaseFixture.FILE).getParent());
        Files.writeString(other.resolve("rutine.txt"), "En annen rutine.");
        Json.write(Map.of("case", c, "bundle", tmp.resolve("bundle").toString(), "files",
                List.of(Map.of("path", CaseFixture.FILE, "sha256", "0".repeat(64)))), done.resolve("bundle.receipt.json"));
        // then the watcher moved this bundle to the free name, its receipt beside it
        Files.move(fx.bundle, done.resolve("bundle-2"));
        try (var receipts = Files.list(fx.home.resolve("receipts"))) {
            Files.copy(receipts.findFirst().orElseThrow(), done.resolve("bundle-2.receipt.json"));
        }

        r = CliRun.inHome(fx.home, "verify", "--case", c);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("ok") && !r.out().contains("vanished"), r.out());

        r = CliRun.inHome(fx.home, "case", "close", "--case", c, "--user", "leder");
        assertEquals(0, r.code(), r.err());
        r = CliRun.inHome(fx.home, "case", "delete-records", "--case", c, "--user", "leder");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(CaseFixture.FILE + " (" + fx.docId + "): file deleted"), r.out());
        assertFalse(Files.exists(done.resolve("bundle-2").resolve(CaseFixture.FILE)), "deleted where it is kept");
        assertEquals("En annen rutine.", Files.readString(done.resolve("bundle").resolve(CaseFixture.FILE)),
                "the other bundle of that name is left as it was");
    }
}
