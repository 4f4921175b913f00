package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import no.evidens.index.EvidenceSink;
import no.evidens.pipeline.extract.Reason;

class ReceiptCollectorTest {

    @Test
    void aDocumentTheIndexDidNotStoreIsFailedInTheReceiptWithItsReason() {
        ReceiptCollector receipts = new ReceiptCollector(ProgressListener.NONE);
        receipts.record(new ReceiptFile("a.txt", "aa", "annet", ReceiptFile.INDEXED, null, null, 1, 2));
        receipts.record(new ReceiptFile("b.txt", "bb", "journal", ReceiptFile.INDEXED, null, null, 1, 2));
        receipts.notStored(new EvidenceSink.NotStored("sak", "b.txt", "bb", "Document contains at least one immense term"));
        Receipt receipt = receipts.receipt("sak", "bunt", null);
        assertEquals(new Receipt.Counts(1, 0, 1, 0), receipt.counts());
        ReceiptFile b = receipt.files().get(1);
        assertEquals(ReceiptFile.FAILED, b.status());
        assertEquals(Reason.NOT_STORED.text(), b.reason());
        assertEquals("journal", b.type());
        assertEquals("Document contains at least one immense term", b.detail());
    }

    @Test
    void aProgressListenerThatFailsChangesNothingTheIngestDoes() {
        // the web's job file written at each file, on a full disk
        ProgressListener full = new ProgressListener() {
            @Override
            public void started(int files) {
            }

            @Override
            public void fileDone(ReceiptFile file) {
                throw new java.io.UncheckedIOException(new java.io.IOException("No space left on device"));
            }

            @Override
            public void finished() {
            }
        };
        ReceiptCollector receipts = new ReceiptCollector(full);
        receipts.record(new ReceiptFile("a.txt", "aa", "annet", ReceiptFile.INDEXED, null, null, 1, 2));
        receipts.record(new ReceiptFile("b.txt", "bb", "annet", ReceiptFile.FAILED, Reason.NOT_SAVED.text(), null, 0, 0));
        assertEquals(new Receipt.Counts(1, 0, 1, 0), receipts.receipt("sak", "bunt", null).counts());
    }

    @Test
    void aFileTheSystemMadeIsSkippedNotFailedAndCountedApart() throws Exception {
        ReceiptCollector receipts = new ReceiptCollector(ProgressListener.NONE);
        receipts.record(new ReceiptFile("a.txt", "aa", "annet", ReceiptFile.INDEXED, null, null, 1, 2));
        receipts.record(FailedLines.line("Thumbs.db", "annet", null,
                new no.evidens.pipeline.extract.ExtractionException(Reason.SYSTEM_FILE)));
        Receipt receipt = receipts.receipt("sak", "bunt", null);
        assertEquals(ReceiptFile.SKIPPED, receipt.files().get(0).status());
        assertEquals(new Receipt.Counts(1, 0, 0, 0, 1), receipt.counts(), "not a failure: the ingest exits 0");
        com.fasterxml.jackson.databind.ObjectMapper json = no.evidens.pipeline.Json.mapper();
        assertEquals(1, json.valueToTree(receipt.counts()).get("skipped").asInt());
        assertEquals(false, json.valueToTree(new Receipt.Counts(1, 0, 0, 0)).has("skipped"),
                "a receipt with nothing skipped reads as before");
    }
}
