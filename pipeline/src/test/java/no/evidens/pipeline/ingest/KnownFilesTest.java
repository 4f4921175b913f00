package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceSink;
import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.Sha256;

/** The look-ahead of an ingestion: known files get the route's own lines; one new file sends all to the route. */
class KnownFilesTest {
    @TempDir
    Path tmp;

    private final List<BundleEntry> entries = new ArrayList<>();

    private String file(String name, String content) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        entries.add(new BundleEntry("journaler/" + name, f, "journal", null, null, null));
        return Sha256.of(f);
    }

    private static EvidenceSink noWriter() {
        return new OnDemandSink(() -> {
            throw new AssertionError("no writer for a look-ahead");
        }, "sak-1", Set.of());
    }

    @Test
    void everyFileKnownGivesTheRoutesLinesInTheBundlesOrder() throws Exception {
        String a = file("a.txt", "Referat fra møtet.");
        String b = file("b.txt", "Referat fra møtet."); // the same bytes as a.txt, both in the case
        String broken = file("c.docx", "PK not a docx");
        entries.add(new BundleEntry("journaler/d.pdf", null, "journal", null, null, "the file could not be read"));
        FailureMemory failures = new FailureMemory(tmp.resolve("failed"), false);
        failures.remember(broken, new ExtractionException(Reason.DAMAGED, "zip END header not found"));
        EvidenceSink index = new OnDemandSink(() -> {
            throw new AssertionError("no writer for a look-ahead");
        }, "sak-1", Set.of(a));

        KnownFiles.Outcome known = new KnownFiles("sak-1", index, failures, none(), 2, ChangedWhileRead.NONE).check(entries);

        List<ReceiptFile> lines = known.lines().orElseThrow();
        assertEquals(List.of(
                new ReceiptFile("journaler/a.txt", a, "journal", ReceiptFile.DUPLICATE, ReceiptFile.DUPLICATE_IN_CASE, null, 0, 0),
                new ReceiptFile("journaler/b.txt", b, "journal", ReceiptFile.DUPLICATE, ReceiptFile.DUPLICATE_IN_CASE, null, 0, 0),
                new ReceiptFile("journaler/c.docx", broken, "journal", ReceiptFile.FAILED, Reason.DAMAGED.text(),
                        "failed before with the same extractor; not read again (ingest --retry-failed reads it again); "
                                + "zip END header not found", 0, 0),
                new ReceiptFile("journaler/d.pdf", null, "journal", ReceiptFile.FAILED,
                        Reason.fromText("the file could not be read").text(), null, 0, 0)), lines);
    }

    @Test
    void aNewFileLeavesAllToTheRouteWithTheHashesMade() throws Exception {
        String a = file("a.txt", "Referat fra møtet.");
        file("ny.txt", "Et nytt notat.");
        KnownFiles.Outcome known = new KnownFiles("sak-1", new OnDemandSink(() -> {
            throw new AssertionError("no writer for a look-ahead");
        }, "sak-1", Set.of(a)), new FailureMemory(tmp.resolve("failed"), false), none(), 1, ChangedWhileRead.NONE).check(entries);
        assertTrue(known.lines().isEmpty());
        assertEquals(a, known.hashes().get("journaler/a.txt"), "hashed once, handed to the route");
    }

    @Test
    void theSameFailedBytesTwiceAreTheRoutesToJudge() throws Exception {
        String broken = file("c.docx", "PK not a docx");
        file("kopi.docx", "PK not a docx");
        FailureMemory failures = new FailureMemory(tmp.resolve("failed"), false);
        failures.remember(broken, new ExtractionException(Reason.DAMAGED, "zip END header not found"));
        assertTrue(new KnownFiles("sak-1", noWriter(), failures, none(), 2, ChangedWhileRead.NONE).check(entries).lines().isEmpty());
    }

    @Test
    void retryingReadsTheFailedAgain() throws Exception {
        String broken = file("c.docx", "PK not a docx");
        FailureMemory memory = new FailureMemory(tmp.resolve("failed"), false);
        memory.remember(broken, new ExtractionException(Reason.DAMAGED, "zip END header not found"));
        assertTrue(new KnownFiles("sak-1", noWriter(), new FailureMemory(tmp.resolve("failed"), true), none(), 2, ChangedWhileRead.NONE)
                .check(entries).lines().isEmpty());
    }

    /** No container of the case is incomplete. */
    private IncompleteContainers none() {
        return new IncompleteContainers(tmp.resolve("incomplete"), false);
    }
}
