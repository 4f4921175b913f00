package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.Json;

/**
 * A case's last check of its quotations kept in the home: read back as written, the newer replacing the older, and a
 * record that cannot be read (half-written, damaged, another case's) ignored with a log line rather than a crash.
 */
class CheckRecordsTest {
    @TempDir
    Path tmp;

    private static final Verification CHANGED = new Verification("avvik-1", 7, 2, "rutiner/a.txt", 113, 165, Verification.CHANGED,
            List.of("the source file has changed"), null, Verification.SOURCE_CHANGED, true,
            new Verification.NewContent(Verification.NewContent.HOLDS, "0123456789abcdef", 140, 192));
    private static final Verification HOLDS = new Verification("avvik-1", 8, 1, "rutiner/b.txt", 0, 40, Verification.OK, List.of(), null,
            Verification.SOURCE_SAME, true, null);

    private static LastCheck check(String by, String finished) {
        return new LastCheck("sak-1", by, "2026-12-05T17:19:00Z", finished, List.of(CHANGED, HOLDS));
    }

    /** What the code logs (slf4j-simple writes to System.err) while {@code action} runs. */
    private static <T> T logged(StringBuilder log, Supplier<T> action) {
        PrintStream was = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.setErr(was);
            log.append(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCheckIsReadBackAsKeptAndTheNewerReplacesTheOlder() throws Exception {
        CheckRecords records = new CheckRecords(tmp.resolve("checks"));
        assertEquals(Optional.empty(), records.last("sak-1"), "not checked");
        records.keep(check("kari", "2026-12-05T17:20:00Z"));
        LastCheck read = records.last("sak-1").orElseThrow();
        assertEquals(check("kari", "2026-12-05T17:20:00Z"), read);
        assertEquals(Instant.parse("2026-12-05T17:20:00Z"), read.finishedAt());
        assertEquals(1, read.problems());
        records.keep(check("ola", "2026-12-05T18:00:00Z"));
        assertEquals("ola", records.last("sak-1").orElseThrow().by());
        assertEquals(Optional.empty(), records.last("sak-2"), "one case's check is not another's");
        try (Stream<Path> files = Files.list(tmp.resolve("checks"))) {
            // the lock file of the case's record stays beside it (HomeLock), empty; nothing else does
            assertEquals(List.of("sak-1.json"), files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("sak-1.json.lock"))
                    .toList(), "no temporary file left behind");
        }
        String json = Files.readString(tmp.resolve("checks/sak-1.json"));
        assertFalse(json.contains("\"stands\"") || json.contains("\"startedAt\""), "the record's fields only: " + json);
    }

    /**
     * A failed check is kept beside the last finished one, which reads back unchanged; with none finished, alone; the
     * next finished check replaces both. The record names the failure's kind, never an exception's message.
     */
    @Test
    void aFailedCheckIsKeptBesideTheLastFinishedOneUntilTheNextFinishes() throws Exception {
        CheckRecords records = new CheckRecords(tmp.resolve("checks"));
        FailedCheck failed = new FailedCheck("per", "2026-12-05T18:30:00Z", "2026-12-05T18:30:04Z", FailedCheck.UNREADABLE);
        records.keepFailed("sak-1", failed);
        assertEquals(Optional.empty(), records.last("sak-1"), "no finished check: still not checked");
        assertEquals(Optional.of(failed), records.failed("sak-1"));

        records.keep(check("kari", "2026-12-05T18:40:00Z"));
        assertEquals(Optional.empty(), records.failed("sak-1"), "a finished check after it replaces the failure");
        FailedCheck later = new FailedCheck("per", "2026-12-05T19:00:00Z", "2026-12-05T19:00:02Z", FailedCheck.INDEX);
        records.keepFailed("sak-1", later);
        assertEquals(check("kari", "2026-12-05T18:40:00Z"), records.last("sak-1").orElseThrow(), "the last finished check stands");
        assertEquals(Optional.of(later), records.failed("sak-1"));
        com.fasterxml.jackson.databind.JsonNode json = no.evidens.pipeline.Json.mapper().readTree(tmp.resolve("checks/sak-1.json").toFile());
        assertEquals("{\"by\":\"per\",\"started\":\"2026-12-05T19:00:00Z\",\"failed\":\"2026-12-05T19:00:02Z\",\"reason\":\"index\"}",
                json.get("failed").toString());
        assertEquals("kari", json.get("by").asText(), "the finished check's fields as before: " + json);
    }

    @Test
    void aHalfWrittenOrDamagedRecordIsIgnoredWithALogLine() throws Exception {
        CheckRecords records = new CheckRecords(tmp.resolve("checks"));
        records.keep(check("kari", "2026-12-05T17:20:00Z"));
        Path file = tmp.resolve("checks/sak-1.json");
        String whole = Files.readString(file);
        for (String bad : List.of(whole.substring(0, whole.length() / 2), "", "[1, 2]",
                whole.replace("2026-12-05T17:20:00Z", "i går"), Json.write(Map.of("case", "sak-2", "by", "kari")))) {
            Files.writeString(file, bad);
            StringBuilder log = new StringBuilder();
            assertEquals(Optional.empty(), logged(log, () -> records.last("sak-1")), bad);
            assertTrue(log.toString().contains("ignoring the kept check of the quotations in " + file), log.toString());
            assertFalse(log.toString().contains("rutiner/"), "the log names the file, not what is in it: " + log);
        }
        // the next check replaces the damaged record
        records.keep(check("ola", "2026-12-05T18:00:00Z"));
        assertEquals("ola", records.last("sak-1").orElseThrow().by());
    }

    @Test
    void aCaseIdThatIsNoFileNameIsNeitherWrittenNorRead() throws Exception {
        CheckRecords records = new CheckRecords(tmp.resolve("home/checks"));
        records.keep(new LastCheck("../utenfor", "kari", "2026-12-05T17:19:00Z", "2026-12-05T17:20:00Z", List.of()));
        assertFalse(Files.exists(tmp.resolve("home/utenfor.json")));
        assertEquals(Optional.empty(), records.last("../utenfor"));
    }

    @Test
    void aBundleBringsNewContentAfterTheCheckOnlyWhenItsIngestionIndexedADocument() throws Exception {
        Path dir = tmp.resolve("receipts");
        Receipts receipts = new Receipts(dir);
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        Instant checked = java.time.LocalDateTime.of(2026, 12, 5, 12, 0).atZone(zone).toInstant();
        assertEquals(Optional.empty(), receipts.newContentSince("sak", checked));
        // before the check: new content, but the check has seen it
        Json.write(receipt("sak", 3), dir.resolve("sak-20261205-101500-000.json"));
        // after the check, the same bundle again unchanged: nothing indexed, nothing new
        Json.write(receipt("sak", 0), dir.resolve("sak-20261205-131500-000.json"));
        assertEquals(Optional.empty(), receipts.newContentSince("sak", checked), "an unchanged bundle brings nothing new");
        // a corrected bundle after the check indexes its new content
        Json.write(receipt("sak", 1), dir.resolve("sak-20261205-181500-250.json"));
        // another case whose name begins as this one's, ingested later: not this case's
        Json.write(receipt("sak-2", 5), dir.resolve("sak-2-20261206-090000-000.json"));
        Instant expected = java.time.LocalDateTime.of(2026, 12, 5, 18, 15, 0, 250_000_000).atZone(zone).toInstant();
        assertEquals(Optional.of(expected), receipts.newContentSince("sak", checked));
        // a receipt named otherwise (copied by hand) is read for its case, and counted from when it was written
        Path copied = dir.resolve("kopi.json");
        Json.write(receipt("sak", 2), copied);
        Instant later = Instant.parse("2027-01-01T00:00:00Z");
        Files.setLastModifiedTime(copied, java.nio.file.attribute.FileTime.from(later));
        assertEquals(Optional.of(later), receipts.newContentSince("sak", checked));
        Files.writeString(dir.resolve("halv.json"), "{\"case\": \"sa");
        assertEquals(Optional.of(later), receipts.newContentSince("sak", checked), "a receipt being written names no case");
    }

    private static Map<String, Object> receipt(String caseId, int indexed) {
        return Map.of("case", caseId, "files", List.of(),
                "counts", Map.of("indexed", indexed, "duplicate", 0, "failed", 0, "containers", 0));
    }

    /**
     * A check finishing in one process while another's check fails (the workspace's and the command line's, one case):
     * the failure is kept beside the check that finished, never beside the one before it.
     */
    @Test
    void aCheckThatFailsWhileAnotherFinishesKeepsTheFinishedOne() throws Exception {
        int rounds = 150;
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        FailedCheck failed = new FailedCheck("ola", "2026-12-05T18:00:00Z", "2026-12-05T18:00:05Z", FailedCheck.INDEX);
        try {
            CheckRecords finishing = new CheckRecords(tmp.resolve("checks"));
            CheckRecords failing = new CheckRecords(tmp.resolve("checks"));
            java.util.concurrent.Future<?> a = two.submit(() -> breaking(together, () -> {
                for (int i = 0; i < rounds; i++) {
                    together.await();
                    finishing.keep(check("kari", Instant.parse("2026-12-05T17:20:00Z").plusSeconds(i).toString()));
                    together.await();
                }
            }));
            java.util.concurrent.Future<?> b = two.submit(() -> breaking(together, () -> {
                for (int i = 0; i < rounds; i++) {
                    together.await();
                    failing.keepFailed("sak-1", failed);
                    together.await();
                    // whichever came first, the check kept is the one that finished in this round, never the one before
                    assertEquals(Instant.parse("2026-12-05T17:20:00Z").plusSeconds(i).toString(),
                            failing.last("sak-1").orElseThrow().finished(), "round " + i);
                }
            }));
            b.get();
            a.get();
        } finally {
            two.shutdownNow();
        }
    }

    /** Runs a side of the test; one that fails breaks the barrier, so the other side stops waiting for it. */
    private static Void breaking(java.util.concurrent.CyclicBarrier together, Side side) throws Exception {
        try {
            side.run();
            return null;
        } catch (Exception | AssertionError e) {
            together.reset();
            throw e;
        }
    }

    private interface Side {
        void run() throws Exception;
    }
}

