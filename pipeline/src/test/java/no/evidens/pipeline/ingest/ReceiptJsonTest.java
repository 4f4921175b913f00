package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.Json;

/**
 * A receipt's file is written without Jackson's data binding, and a user's tools (and {@code contract-compare.py})
 * read the same bytes as the shared mapper writes for the record ({@code ingest --json} prints those).
 */
class ReceiptJsonTest {
    private static final String SHA = "0123456789abcdef".repeat(4);

    @TempDir
    Path tmp;

    private static byte[] streamed(Receipt r) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReceiptJson.write(r, out);
        return out.toByteArray();
    }

    private static void assertSameAsBound(Receipt r) throws Exception {
        byte[] bound = Json.mapper().writeValueAsBytes(r);
        assertEquals(new String(bound, java.nio.charset.StandardCharsets.UTF_8),
                new String(streamed(r), java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(bound, streamed(r));
    }

    @Test
    void everyKindOfLineIsWrittenAsTheMapperWritesIt() throws Exception {
        List<ReceiptFile> lines = List.of(
                new ReceiptFile("journaler/notat.docx", SHA, "journal", ReceiptFile.INDEXED, null, null, 3, 17),
                new ReceiptFile("post.eml", SHA, "e-mail", ReceiptFile.CONTAINER, ReceiptFile.containerReason(2), null, 0, 0),
                new ReceiptFile("post.eml!/vedlegg \"1\".pdf", SHA, "attachment", ReceiptFile.DUPLICATE,
                        ReceiptFile.duplicateReason("journaler/notat.docx"), null, 0, 0),
                new ReceiptFile("skadet.pdf", null, "unknown", ReceiptFile.FAILED, "the file is damaged",
                        "Tika: \\ bad xref\n\tat line 2 \u0001", 0, 0),
                new ReceiptFile("Thumbs.db", null, null, ReceiptFile.SKIPPED, "skipped: made by the system", null, 0, 0),
                new ReceiptFile("plan/årsplan – Ærø ø 😀.txt", SHA, "plan", ReceiptFile.INDEXED, null, null, 1, 2)
                        .asNewVersionOf("fedcba9876543210"));
        assertSameAsBound(new Receipt("fjordvik-2026", "/data/bundles/fjordvik", "manifest.csv", lines,
                new Receipt.Counts(2, 1, 1, 1, 1)));
        assertSameAsBound(new Receipt("fjordvik-2026", "C:\\bundles\\fjordvik.zip", null, lines,
                new Receipt.Counts(2, 1, 1, 1)));
    }

    @Test
    void anEmptyBundlesReceiptIsWrittenAsTheMapperWritesIt() throws Exception {
        assertSameAsBound(new Receipt("sak", "tom", null, List.of(), new Receipt.Counts(0, 0, 0, 0)));
        assertSameAsBound(new Receipt("sak", null, null, List.of(), null));
    }

    @Test
    void theFileHoldsTheBytesAndAFailedWriteLeavesNothingBeside() throws Exception {
        Receipt r = new Receipt("sak", "b", null,
                List.of(new ReceiptFile("a.txt", SHA, "journal", ReceiptFile.DUPLICATE, ReceiptFile.DUPLICATE_IN_CASE, null, 0, 0)),
                new Receipt.Counts(0, 1, 0, 0));
        Path file = tmp.resolve("sak-20261207-040000-000Z.json");
        Files.writeString(file, ""); // taken first, as StampedNames.create does
        ReceiptJson.write(r, file);
        assertArrayEquals(Json.mapper().writeValueAsBytes(r), Files.readAllBytes(file));

        Path blocked = Files.createDirectories(tmp.resolve("blocked.json"));
        Files.writeString(blocked.resolve("inni.txt"), "x");
        assertThrows(UncheckedIOException.class, () -> ReceiptJson.write(r, blocked));
        try (var left = Files.list(tmp)) {
            assertEquals(2, left.count(), "the receipt and the blocked folder, no temporary file");
        }
    }
}
