package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.CleanText;
import no.evidens.pipeline.export.CaseExport.FindingOut;

/** A title stored with half a character (a lone surrogate) or a control character exports in every format. */
class BrokenTextExportTest {
    @TempDir
    Path dir;

    @Test
    void everyFormatWritesAFindingWithALoneSurrogate() throws Exception {
        FindingOut f = new FindingOut(1, "avvik-1", "Avvik 1", "avvik", 1, "Kommunen sikrer ikke \uD800 samarbeid\u0007",
                List.of(), "Tekst \uDC00.", "utkast", "a", "2026-01-01T00:00:00Z", "a", "2026-01-01T00:00:00Z", List.of(), 1);
        CaseExport export = new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "sak", "2026-01-01T00:00:00Z", "a", false,
                List.of(f), List.of());
        for (ExportFormat format : ExportFormat.values()) {
            Path out = dir.resolve("funn." + format.name().toLowerCase(java.util.Locale.ROOT));
            format.write(export, out);
            assertTrue(Files.size(out) > 0, format.name());
            if (format == ExportFormat.XLSX) {
                try (XSSFWorkbook book = new XSSFWorkbook(out.toFile())) {
                    assertEquals("Kommunen sikrer ikke \uFFFD samarbeid", book.getSheetAt(0).getRow(1).getCell(5).getStringCellValue());
                }
            } else if (format != ExportFormat.DOCX) {
                String text = Files.readString(out, StandardCharsets.UTF_8);
                assertTrue(text.contains("Kommunen sikrer ikke \uFFFD samarbeid"), format + ": " + text);
                assertFalse(text.contains("\u0007"), format.name());
            }
        }
    }

    @Test
    void cleanTextKeepsWholeCharactersAndRepairsHalves() {
        assertTrue(CleanText.isClean("Æ ø å \uD83D\uDE00 tab\there\nline"));
        assertFalse(CleanText.isClean("a\uD83D"));
        assertFalse(CleanText.isClean("\uDE00a"));
        assertFalse(CleanText.isClean("nul\u0000"));
        assertEquals("a\uFFFDb\uD83D\uDE00", CleanText.repaired("a\uD83Db\u0001\uD83D\uDE00"));
    }
}
