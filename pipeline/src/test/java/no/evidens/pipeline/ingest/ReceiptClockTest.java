package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.StampedNames;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.findings.Receipts;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * Two ingestions the night the clocks go back in Norway (25 October 2026), on a machine in Oslo's zone: the first at
 * 02:50 summer time, the second twenty minutes later, at 02:10 winter time. The receipts are named so that the second
 * is the newer, for every reader.
 */
class ReceiptClockTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Instant FIRST = Instant.parse("2026-10-25T00:50:00Z");
    private static final Instant SECOND = Instant.parse("2026-10-25T01:10:00Z");
    private static final String NOTE = "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.";

    @TempDir
    Path tmp;

    @Test
    void theReceiptOfTheLaterIngestionIsTheNewerAcrossTheChange() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Path first = bundle("forste", NOTE);
        Path second = bundle("andre", NOTE, "Tiltaksplanen ble evaluert i mars.");

        ingest(home, first, FIRST);
        ingest(home, second, SECOND);

        try (Stream<Path> files = Files.list(home.receipts())) {
            assertEquals(List.of("sak-20261025-005000-000Z.json", "sak-20261025-011000-000Z.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "named in UTC: by name as by time");
        }
        Receipts receipts = new Receipts(home.receipts(), new StampedNames(OSLO));
        assertEquals(Optional.of(second.toString()), receipts.bundleOf("sak", "notat.txt", Sha256.of(first.resolve("notat.txt"))),
                "the note was last ingested from the second bundle");
        assertEquals(Optional.of(SECOND), receipts.newContentSince("sak", Instant.parse("2026-10-25T01:00:00Z")));
    }

    /**
     * Two ingestions of one case finishing in the same millisecond (a command and the server on one home): two receipts,
     * the second never written over the first, and every reader takes both, the second as the newer.
     */
    @Test
    void twoIngestionsFinishingAtTheSameInstantKeepBothReceipts() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        Path first = bundle("forste", NOTE);
        Files.writeString(first.resolve("referat.txt"), "Referatet fra møtet i januar.");
        Path second = bundle("andre", NOTE, "Tiltaksplanen ble evaluert i mars.");

        ingest(home, first, SECOND);
        ingest(home, second, SECOND);

        try (Stream<Path> files = Files.list(home.receipts())) {
            assertEquals(List.of("sak-20261025-011000-000Z-2.json", "sak-20261025-011000-000Z.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "two receipts, the second numbered");
        }
        Receipts receipts = new Receipts(home.receipts(), new StampedNames(OSLO));
        assertEquals(Optional.of(second.toString()), receipts.bundleOf("sak", "notat.txt", Sha256.of(first.resolve("notat.txt"))),
                "the note was last ingested from the second bundle");
        assertEquals(Optional.of(first.toString()), receipts.bundleOf("sak", "referat.txt", Sha256.of(first.resolve("referat.txt"))),
                "the first receipt is read too");
        assertEquals(Optional.of(SECOND), receipts.newContentSince("sak", SECOND.minusSeconds(1)));
        // the version register made from the receipts (a home from before it was kept) takes both, in order
        Path register = new CaseVersions(home.root()).file("sak");
        Files.delete(register);
        new CaseVersions(home.root(), new StampedNames(OSLO)).record(
                new Receipt("sak", "/b/tredje", null, List.of(), null), "tredje", home.receipts());
        CaseVersions.Register made = new CaseVersions(home.root()).of("sak");
        assertEquals(java.util.Set.of("andre", "forste", "tredje"), made.current().keySet());
    }

    /** A bundle of the note, {@code notat.txt}, and perhaps a plan, {@code plan.txt}. */
    private Path bundle(String name, String note, String... plan) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(name));
        Files.writeString(folder.resolve("notat.txt"), note);
        for (String text : plan) {
            Files.writeString(folder.resolve("plan.txt"), text);
        }
        return folder;
    }

    private static void ingest(EvidensHome home, Path bundle, Instant at) throws Exception {
        new Ingestion(home, new DocumentAnalyser(new PlainTextExtractor()), 1).clock(Clock.fixed(at, OSLO))
                .ingest("sak", bundle, ProgressListener.NONE);
    }
}
