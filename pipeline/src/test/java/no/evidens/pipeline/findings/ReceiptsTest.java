package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.StampedNames;

/**
 * The cases the workspace lists come from the ingestion receipts, whatever else lies in the folder; the newest receipt
 * is the one written last, whatever its name's clock.
 */
class ReceiptsTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void casesAreTheReceiptsCasesOnceEachInOrderSkippingWhatCannotBeRead() throws Exception {
        Files.writeString(dir.resolve("b-1.json"), "{\"case\": \"sak-b\", \"files\": []}");
        Files.writeString(dir.resolve("a-1.json"), "{\"case\": \"sak-a\"}");
        Files.writeString(dir.resolve("a-2.json"), "{\"case\": \"sak-a\"}");
        Files.writeString(dir.resolve("half-written.json"), "{\"case\": \"sak-c");
        Files.writeString(dir.resolve("no-case.json"), "{\"files\": []}");
        Files.writeString(dir.resolve("notes.txt"), "{\"case\": \"sak-d\"}");

        assertEquals(List.of("sak-a", "sak-b"), new Receipts(dir).cases());
    }

    /**
     * A home written before round 46 in Norway, the night the clocks went back (25 October 2026): a bundle ingested at
     * 02:50 summer time (00:50 UTC), then a second with the same note at 02:10 winter time (01:10 UTC). By name the second
     * is the older; the files were written when the ingestions finished.
     */
    @Test
    void anOldHomesReceiptsOfTheHourThatCameTwiceAreReadInTheOrderTheyWereWritten() throws Exception {
        writeReceipt("sak-20261025-025000-000.json", "/b/forste", "2026-10-25T00:50:01Z");
        writeReceipt("sak-20261025-021000-000.json", "/b/andre", "2026-10-25T01:10:01Z");
        Receipts receipts = new Receipts(dir, new StampedNames(OSLO));

        assertEquals(Optional.of("/b/andre"), receipts.bundleOf("sak", "notat.txt", SHA), "the newest receipt's bundle");
        assertEquals(Optional.of(Instant.parse("2026-10-25T01:10:00Z")),
                receipts.newContentSince("sak", Instant.parse("2026-10-25T01:00:00Z")), "the second came after 01:00 UTC");
    }

    /** Receipts named before an upgrade (local time) and after it (UTC) are one history, in the order it happened. */
    @Test
    void receiptsNamedBeforeAndAfterTheUpgradeAreReadInTheOrderTheyWereWritten() throws Exception {
        writeReceipt("sak-20261206-100000-000.json", "/b/gammel", "2026-12-06T09:00:01Z"); // 10:00 in Oslo
        writeReceipt("sak-20261206-093000-000Z.json", "/b/ny", "2026-12-06T09:30:01Z");
        Receipts receipts = new Receipts(dir, new StampedNames(OSLO));

        assertEquals(Optional.of("/b/ny"), receipts.bundleOf("sak", "notat.txt", SHA));
        assertEquals(Optional.of(Instant.parse("2026-12-06T09:30:00Z")),
                receipts.newContentSince("sak", Instant.parse("2026-12-06T09:15:00Z")));
        assertEquals(Optional.empty(), receipts.newContentSince("sak", Instant.parse("2026-12-06T09:45:00Z")));
    }

    /** A receipt of one note ({@link #SHA}) from the bundle, one document indexed, its file written at {@code written}. */
    private void writeReceipt(String name, String bundle, String written) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "{\"case\": \"sak\", \"bundle\": \"" + bundle + "\", \"files\": [{\"path\": \"notat.txt\", "
                + "\"sha256\": \"" + SHA + "\", \"status\": \"indexed\"}], \"counts\": {\"indexed\": 1}}");
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(written)));
    }

    @Test
    void aHomeWithoutReceiptsHasNoCases() throws Exception {
        assertEquals(List.of(), new Receipts(dir.resolve("receipts")).cases());
    }
}
