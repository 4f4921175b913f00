package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The overview's matrix: no all-zero column, and the same numbers in its CSV and XLSX downloads. */
class OverviewMatrixTest {
    private static final OverviewMatrix M = OverviewMatrix.of("sak", List.of("styringsdokument", "journal", "klientdokumentasjon", "annet"),
            List.of(new OverviewMatrix.Row("samarbeid", "Samarbeid", 5, Map.of("styringsdokument", 3, "journal", 2)),
                    new OverviewMatrix.Row("opplaering", "Opplæring", 0, Map.of()),
                    new OverviewMatrix.Row("ny", "Ny type", 1, Map.of("notat", 1))));

    @Test
    void aDocumentTypeNoIndicatorIsCountedInHasNoColumn() {
        assertEquals(List.of("styringsdokument", "journal", "notat"), M.types());
    }

    @Test
    void theDownloadsHoldTheMatrix() throws Exception {
        String csv = new String(OverviewDownload.csv(M), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFIndikator-id,Indikator,Styringsdokument,Journal,notat,Sum\r\n"), csv);
        assertTrue(csv.contains("opplaering,Opplæring,0,0,0,0"), csv);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(OverviewDownload.xlsx(M)))) {
            Sheet sheet = book.getSheet("Oversikt");
            assertEquals("Journal", sheet.getRow(0).getCell(3).getStringCellValue());
            assertEquals(3, sheet.getRow(1).getCell(2).getNumericCellValue());
            assertEquals(5, sheet.getRow(1).getCell(5).getNumericCellValue());
        }
    }
}
