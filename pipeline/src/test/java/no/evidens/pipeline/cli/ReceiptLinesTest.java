package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;

/** The text receipt has one line per file, whatever the file is named. */
class ReceiptLinesTest {
    @Test
    void aFileNameWithALineBreakStaysOnOneLine() {
        Receipt receipt = new Receipt("sak", "/tmp/pakke", null, List.of(
                new ReceiptFile("journaler/linje\nskift.txt", "a", "journal", ReceiptFile.INDEXED, null, null, 1, 1),
                new ReceiptFile("journaler/kopi.txt", "a", "journal", ReceiptFile.DUPLICATE,
                        "the same content as journaler/linje\nskift.txt", null, 0, 0),
                new ReceiptFile("journaler/vogn\rretur.txt", "b", "journal", ReceiptFile.INDEXED, null, null, 1, 1)),
                new Receipt.Counts(2, 1, 0, 0));
        StringWriter text = new StringWriter();
        new Output(new PrintWriter(text), false).receipt(receipt);

        List<String> lines = text.toString().lines().toList();
        assertEquals(4, lines.size(), text.toString());
        assertEquals("  indexed   journal              journaler/linje\\nskift.txt  (1 page, 1 passage)", lines.get(1));
        assertEquals("  duplicate journal              journaler/kopi.txt  (the same content as journaler/linje\\nskift.txt)",
                lines.get(2));
        assertEquals("  indexed   journal              journaler/vogn\\rretur.txt  (1 page, 1 passage)", lines.get(3));
    }

    @Test
    void theSummarySaysHowManyOfTheFailedTheManifestListsButTheBundleLacks() {
        Receipt receipt = new Receipt("sak", "/tmp/pakke", "manifest.csv", List.of(
                new ReceiptFile("journaler/borte.txt", null, "journal", ReceiptFile.FAILED, Reason.MISSING.text(), null, 0, 0),
                new ReceiptFile("journaler/tom.txt", "c", "journal", ReceiptFile.FAILED, Reason.EMPTY.text(), null, 0, 0),
                new ReceiptFile("vedlegg/brev.pdf", null, "annet", ReceiptFile.FAILED, Reason.MISSING.text(), null, 0, 0)),
                new Receipt.Counts(0, 0, 3, 0));
        StringWriter text = new StringWriter();
        new Output(new PrintWriter(text), false).receipt(receipt);

        List<String> lines = text.toString().lines().toList();
        assertEquals("Case sak, bundle /tmp/pakke: 0 indexed, 0 duplicate, 3 failed, 0 containers", lines.get(0));
        assertEquals("2 of the failed are listed in manifest.csv but not in the bundle", lines.get(1), text.toString());
        assertEquals("  failed    journal              journaler/borte.txt  (" + Reason.MISSING.text() + ")", lines.get(2));
    }

    @Test
    void theSummaryCountsTheFilesThatAreNewVersionsAndEachLineNamesWhatItReplaces() {
        Receipt receipt = new Receipt("sak", "/tmp/pakke.zip", null, List.of(
                new ReceiptFile("journaler/notat.txt", "b", "journal", ReceiptFile.INDEXED, null, null, 1, 2, "aaaaaaaaaaaaaaaa"),
                new ReceiptFile("pakke.zip", "c", "annet", ReceiptFile.CONTAINER, ReceiptFile.containerReason(1), null, 0, 0,
                        "cccccccccccccccc"),
                new ReceiptFile("pakke.zip!/brev.txt", "d", "annet", ReceiptFile.INDEXED, null, null, 1, 1, "dddddddddddddddd"),
                new ReceiptFile("journaler/plan.txt", "e", "journal", ReceiptFile.DUPLICATE, ReceiptFile.duplicateReason(null), null, 0, 0)),
                new Receipt.Counts(2, 1, 0, 1));
        StringWriter text = new StringWriter();
        new Output(new PrintWriter(text), false).receipt(receipt);

        List<String> lines = text.toString().lines().toList();
        assertEquals("Case sak, bundle /tmp/pakke.zip: 2 indexed, 1 duplicate, 0 failed, 1 container, 2 new versions", lines.get(0),
                "the files of the bundle, not the documents inside them");
        assertEquals("  indexed   journal              journaler/notat.txt  (1 page, 2 passages; new version of aaaaaaaaaaaaaaaa)",
                lines.get(1));
        assertEquals("  duplicate journal              journaler/plan.txt  (the same content is already in this case)", lines.get(4));
    }
}
