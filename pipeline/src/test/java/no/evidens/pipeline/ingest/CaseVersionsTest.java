package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.Json;
import no.evidens.pipeline.StampedNames;

/** Which documents of a case are earlier versions, from the receipts of its bundles. */
class CaseVersionsTest {
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);
    private static final String C = "c".repeat(64);

    @TempDir
    Path tmp;

    private static ReceiptFile line(String path, String sha, String status) {
        return new ReceiptFile(path, sha, "journal", status, null, null, 0, 0);
    }

    private static Receipt receipt(String bundle, ReceiptFile... lines) {
        return new Receipt("sak", bundle, null, List.of(lines), new Receipt.Counts(0, 0, 0, 0));
    }

    private static CaseVersions.Register empty() {
        return new CaseVersions.Register(null, null);
    }

    /** A register after a first ingest of bundle {@code lyngvik} with a note (content A) and a plan (content C). */
    private static CaseVersions.Register noteAndPlan() {
        CaseVersions.Register r = empty();
        CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", A, "indexed"), line("j/plan.txt", C, "indexed")));
        return r;
    }

    @Test
    void aPathWithOtherContentInTheSameBundleIsANewVersionOfWhatItHad() {
        CaseVersions.Register r = noteAndPlan();
        List<ReceiptFile> again = CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", B, "indexed"),
                line("j/plan.txt", C, "duplicate")));
        assertEquals(DocIds.ofFile(A), again.get(0).newVersionOf());
        assertNull(again.get(1).newVersionOf(), "unchanged");
        assertEquals(Map.of(DocIds.ofFile(A), new CaseVersions.Replaced(DocIds.ofFile(B), "j/notat.txt", "lyngvik")), r.superseded());
        assertEquals(Optional.of(new CaseVersions.Replaced(DocIds.ofFile(B), "j/notat.txt", "lyngvik")),
                CaseVersions.newest(r, DocIds.ofFile(A)));
        assertEquals(Optional.empty(), CaseVersions.newest(r, DocIds.ofFile(B)), "the newest has nothing newer");
    }

    @Test
    void aFileMissingFromALaterBundleIsNotWithdrawnAndAFailedOneReplacesNothing() {
        CaseVersions.Register r = noteAndPlan();
        List<ReceiptFile> later = CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", B, "failed"),
                line("j/ny.txt", B, "indexed")));
        assertTrue(later.stream().allMatch(l -> l.newVersionOf() == null), later.toString());
        assertTrue(r.superseded().isEmpty(), "the note's first content is still its newest that could be read: " + r);
        assertEquals(DocIds.ofFile(C), r.current().get("lyngvik").get("j/plan.txt"));
    }

    @Test
    void contentThatWentBackIsTheNewestAgainAndNewVersionsChain() {
        CaseVersions.Register r = empty();
        CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", A, "indexed")));
        CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", B, "indexed")));
        CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", C, "indexed")));
        assertEquals(DocIds.ofFile(C), CaseVersions.newest(r, DocIds.ofFile(A)).orElseThrow().by(), "followed to the newest");
        List<ReceiptFile> back = CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", A, "duplicate")));
        assertEquals(DocIds.ofFile(C), back.get(0).newVersionOf());
        assertFalse(r.superseded().containsKey(DocIds.ofFile(A)), "the first content is the newest again: " + r);
        assertEquals(DocIds.ofFile(A), r.superseded().get(DocIds.ofFile(C)).by());
        assertEquals(DocIds.ofFile(A), CaseVersions.newest(r, DocIds.ofFile(B)).orElseThrow().by(), "through the one after it");
    }

    @Test
    void anotherBundleOrAnotherPathWithTheSameContentKeepsItCurrent() {
        CaseVersions.Register r = empty();
        CaseVersions.apply(r, "skole", List.of(line("j/notat.txt", A, "indexed"), line("j/kopi.txt", A, "duplicate")));
        List<ReceiptFile> other = CaseVersions.apply(r, "barnevern", List.of(line("j/notat.txt", B, "indexed")));
        assertNull(other.get(0).newVersionOf(), "another bundle's path is another file");
        CaseVersions.apply(r, "skole", List.of(line("j/notat.txt", C, "indexed")));
        assertTrue(r.superseded().isEmpty(), "the copy still has the first content: " + r);
    }

    @Test
    void aDocumentInsideAReplacedContainerIsReplacedToo() {
        CaseVersions.Register r = empty();
        CaseVersions.apply(r, "lyngvik", List.of(line("pakke.zip", A, "container"), line("pakke.zip!/brev.txt", C, "indexed")));
        List<ReceiptFile> again = CaseVersions.apply(r, "lyngvik", List.of(line("pakke.zip", B, "container"),
                line("pakke.zip!/brev.txt", C, "indexed")));
        String oldLetter = DocIds.ofEmbedded(DocIds.ofFile(A), "brev.txt", C);
        assertEquals(oldLetter, again.get(1).newVersionOf(), "its id follows its container's");
        assertEquals(DocIds.ofEmbedded(DocIds.ofFile(B), "brev.txt", C), r.superseded().get(oldLetter).by());
    }

    @Test
    void aZipAndAFolderOfTheSameNameAreOneBundle() {
        assertEquals("lyngvik-2026", CaseVersions.bundleName("/tmp/rettet/lyngvik-2026.zip"));
        assertEquals("lyngvik-2026", CaseVersions.bundleName("/tmp/mottatt/lyngvik-2026"));
        assertEquals("Lyngvik", CaseVersions.bundleName("Lyngvik.ZIP"));
    }

    @Test
    void aCaseWithoutARegisterGetsItFromItsReceiptsAndAnUnchangedBundleWritesNothing() throws Exception {
        Path receipts = Files.createDirectories(tmp.resolve("receipts"));
        Json.write(receipt("/b/lyngvik", line("j/notat.txt", A, "indexed")), receipts.resolve("sak-20261201-100000-000.json"));
        Json.write(receipt("/c/annen", line("j/notat.txt", C, "indexed")), receipts.resolve("sak-20261202-100000-000.json"));
        CaseVersions versions = new CaseVersions(tmp);
        Receipt marked = versions.record(receipt("/d/lyngvik.zip", line("j/notat.txt", B, "indexed")), "lyngvik", receipts);
        assertEquals(DocIds.ofFile(A), marked.files().get(0).newVersionOf());
        assertEquals(Map.of(DocIds.ofFile(A), new CaseVersions.Replaced(DocIds.ofFile(B), "j/notat.txt", "lyngvik")),
                versions.of("sak").superseded());

        Path file = versions.file("sak");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        Receipt again = versions.record(receipt("/d/lyngvik.zip", line("j/notat.txt", B, "duplicate")), "lyngvik", receipts);
        assertNull(again.files().get(0).newVersionOf());
        assertEquals(0, Files.getLastModifiedTime(file).toMillis(), "nothing changed: not written");
    }

    /**
     * A home from before the register, written the night the clocks went back in Norway (25 October 2026): the note
     * ingested at 02:50 summer time (00:50 UTC), corrected at 02:10 winter time (01:10 UTC). By name the correction is
     * the older; the files were written when the ingestions finished.
     */
    @Test
    void anOldHomesReceiptsOfTheHourThatCameTwiceMakeTheRegisterInTheOrderTheyWereWritten() throws Exception {
        Path receipts = Files.createDirectories(tmp.resolve("receipts"));
        Path first = receipts.resolve("sak-20261025-025000-000.json");
        Json.write(receipt("/b/lyngvik", line("j/notat.txt", A, "indexed")), first);
        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-10-25T00:50:01Z")));
        Path corrected = receipts.resolve("sak-20261025-021000-000.json");
        Json.write(receipt("/b/lyngvik", line("j/notat.txt", B, "indexed")), corrected);
        Files.setLastModifiedTime(corrected, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2026-10-25T01:10:01Z")));

        CaseVersions versions = new CaseVersions(tmp, new StampedNames(java.time.ZoneId.of("Europe/Oslo")));
        versions.record(receipt("/b/lyngvik", line("j/plan.txt", C, "indexed")), "lyngvik", receipts);
        assertEquals(Map.of(DocIds.ofFile(A), new CaseVersions.Replaced(DocIds.ofFile(B), "j/notat.txt", "lyngvik")),
                versions.of("sak").superseded(), "the correction is the current version");
    }

    /**
     * Two ingestions of one case recording their bundles at the same moment (two processes on one home, here two threads
     * with a register object each): every bundle is in the register afterwards, none written over by the other's read.
     */
    @Test
    void twoWritersRecordingAtOnceLoseNoBundle() throws Exception {
        int each = 40;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
            for (String who : List.of("a", "b")) {
                CaseVersions versions = new CaseVersions(tmp);
                writers.add(two.submit(() -> {
                    try {
                        for (int i = 0; i < each; i++) {
                            together.await();
                            String sha = String.format("%064x", (who.equals("a") ? 1000 : 2000) + i);
                            versions.record(receipt(who + "-" + i, line("notat.txt", sha, "indexed")), who + "-" + i, tmp.resolve("receipts"));
                        }
                        return null;
                    } catch (Exception e) {
                        together.reset(); // the other writer stops waiting for this one
                        throw e;
                    }
                }));
            }
            for (java.util.concurrent.Future<?> w : writers) {
                w.get();
            }
        } finally {
            two.shutdownNow();
        }
        assertEquals(2 * each, new CaseVersions(tmp).of("sak").current().size(), "every bundle recorded");
    }
    /** The register as written and read back: the same maps (read without data binding since round 56). */
    @Test
    void aWrittenRegisterIsReadBackWhole() throws Exception {
        CaseVersions.Register r = noteAndPlan();
        CaseVersions.apply(r, "lyngvik", List.of(line("j/notat.txt", B, "indexed"), line("post.eml", C, "container"),
                line("post.eml!/vedlegg \"å\" \\ 😀.pdf", A, "indexed")));
        CaseVersions.apply(r, "fjordvik.zip", List.of(line("a/b.txt", "d".repeat(64), "indexed")));
        Path file = tmp.resolve("sak.json");
        Json.write(r, file);
        CaseVersions.Register read = CaseVersions.read(file);
        assertEquals(r.current(), read.current());
        assertEquals(r.superseded(), read.superseded());
        assertFalse(read.superseded().isEmpty());
        assertEquals(2, read.current().size());
    }

    /** What the tree the register was read as before gave for fields it does not know, or values of another kind. */
    @Test
    void aRegisterIsReadAsItsTreeWasRead() throws Exception {
        Path file = tmp.resolve("sak.json");
        Files.writeString(file, """
                {"note": {"x": [1, 2]}, "current": {"old": {"a": "1"}}, "superseded": [],
                 "current": {"b": {"p": "d1", "q": null, "r": {"s": "t"}}, "c": "not an object"},
                 "superseded": {"d0": {"by": "d1", "file": "p", "bundle": "b", "when": [1]}, "d9": "x", "d8": {"by": 7}}}
                """);
        CaseVersions.Register read = CaseVersions.read(file);
        com.fasterxml.jackson.databind.JsonNode tree = Json.mapper().readTree(file.toFile());
        assertEquals(Map.of("b", Map.of("p", "d1", "q", tree.path("current").path("b").path("q").asText(), "r", ""),
                "c", Map.of()), read.current());
        assertEquals(Map.of("d0", new CaseVersions.Replaced("d1", "p", "b"), "d9", new CaseVersions.Replaced("", "", ""),
                "d8", new CaseVersions.Replaced("7", "", "")), read.superseded());
        Files.writeString(tmp.resolve("tom.json"), "");
        assertTrue(CaseVersions.read(tmp.resolve("tom.json")).current().isEmpty());
    }

    @Test
    void aRegisterCutShortIsRefused() throws Exception {
        Path file = tmp.resolve("sak.json");
        Files.writeString(file, "{\"current\" : {\"b\" : {\"p\" : \"d1\"");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> CaseVersions.read(file));
    }
}
