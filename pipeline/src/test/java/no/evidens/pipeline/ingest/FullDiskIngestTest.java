package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.fixture.FullDiskSink;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/**
 * An ingest whose index cannot be saved half-way (the disk filled up): the documents added since the last good commit
 * were printed {@code indexed} in the receipt, though the index kept none of them. Now every one of them, and each the
 * closed index refuses after, is {@code failed} with {@link Reason#NOT_SAVED}; the receipt is written (exit 3); what
 * the good commit saved stays; and the next ingest takes up the rest. The full disk is faked (a mount needs root): the
 * engine below keeps what is added in memory until a commit, which the disk's failure loses, as Lucene's writer does.
 */
class FullDiskIngestTest {
    private static final String DISK_FULL = "No space left on device";

    @TempDir
    Path tmp;

    @Test
    void theDocumentsNoCommitSavedAreFailedAndTheNextIngestTakesThemUp() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/journaler"));
        // two commits' worth and more: the route commits every CommitPolicy.FEWEST documents, the second commit fails
        int files = 2 * CommitPolicy.FEWEST + 5;
        for (int i = 0; i < files; i++) {
            Files.writeString(folder.resolve("notat-" + i + ".txt"), "Notat nummer " + i + " om oppfølgingen av familien.");
        }
        EvidensHome home = new EvidensHome(tmp.resolve("home"));

        Receipt first = new Ingestion(home, new DocumentAnalyser(new PlainTextExtractor()), 1)
                .sinkAround(disk -> new FullDiskSink(disk, commit -> commit == 2)).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);

        assertEquals(new Receipt.Counts(CommitPolicy.FEWEST, 0, files - CommitPolicy.FEWEST, 0), first.counts(),
                first.files().toString());
        List<ReceiptFile> failed = first.files().stream().filter(f -> ReceiptFile.FAILED.equals(f.status())).toList();
        for (ReceiptFile line : failed) {
            assertEquals(Reason.NOT_SAVED.text(), line.reason(), line.toString());
            assertTrue(line.detail().contains(DISK_FULL), line.toString());
            assertEquals(64, line.sha256().length(), line.toString());
        }
        try (var receipts = Files.list(home.receipts())) {
            assertEquals(1, receipts.filter(p -> p.toString().endsWith(".json")).count(), "the receipt is written");
        }

        // Not remembered as failed: the same bundle again reads exactly those, and finds the saved ones in the case.
        Receipt second = new Ingestion(home, new DocumentAnalyser(new PlainTextExtractor()), 1)
                .ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);
        assertEquals(new Receipt.Counts(files - CommitPolicy.FEWEST, CommitPolicy.FEWEST, 0, 0), second.counts(),
                second.files().toString());
        assertEquals(paths(failed), paths(second.files().stream().filter(f -> ReceiptFile.INDEXED.equals(f.status())).toList()));
    }

    @Test
    void aReceiptThatCannotBeSavedIsGivenToTheCommandAllTheSame() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bundle/journaler"));
        Files.writeString(folder.resolve("notat.txt"), "Notat om oppfølgingen av familien.");
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        // the receipts' folder cannot be made (a file stands in its place), as on a full disk
        Files.createDirectories(home.receipts().getParent());
        Files.writeString(home.receipts(), "");
        ReceiptNotSaved e = assertThrows(ReceiptNotSaved.class, () -> new Ingestion(home,
                new DocumentAnalyser(new PlainTextExtractor()), 1).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE));
        assertEquals(new Receipt.Counts(1, 0, 0, 0), e.receipt().counts());
        assertTrue(e.getMessage().startsWith("the receipt was not saved in " + home.receipts()), e.getMessage());
    }

    private static Set<String> paths(List<ReceiptFile> lines) {
        return lines.stream().map(ReceiptFile::path).collect(Collectors.toSet());
    }
}
