package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cases the workspace lists come from the ingestion receipts, whatever else lies in the folder. */
class ReceiptsTest {
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

    @Test
    void aHomeWithoutReceiptsHasNoCases() throws Exception {
        assertEquals(List.of(), new Receipts(dir.resolve("receipts")).cases());
    }
}
