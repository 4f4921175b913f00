package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.ProvenanceOut;
import no.evidens.pipeline.lang.Language;

/** The findings as CSV, read as a spreadsheet reads it. Made-up text. */
class CsvReportTest {
    private static CaseExport export() {
        EvidenceOut e = new EvidenceOut(1, 1, "supports", "Det finnes ingen «samlet» oversikt, sa han", "Referat, styringsdokument, side 1",
                new Citation("Referat", "styringsdokumenter/referat.txt", "styringsdokument", "d1", 1, 1, 10, 53), "sak/d1/0",
                "sak/d1/0", "sha", null, null, new ProvenanceOut(null, java.util.Map.of()), "kari", "2026-01-01T00:00:00Z", "5");
        FindingOut f = new FindingOut(1, "avvik-1", "Avvik 1", "avvik", 1, "Kommunen følger ikke opp", List.of(),
                "Første avsnitt.\n\nAndre avsnitt, med komma.", "utkast", "kari", "2026-01-01T00:00:00Z", "kari",
                "2026-01-01T00:00:00Z", List.of(e), 1);
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "sak", "2026-01-01T00:00:00Z", "kari", false, List.of(f),
                List.of());
    }

    /**
     * Round 45's walk: the findings CSV had no byte-order mark (the overview's has one), so Excel, which reads a CSV without
     * one in the machine's code page, showed every æ, ø and å of the report as two wrong characters.
     */
    @Test
    void aSpreadsheetReadsÆøåLineBreaksAndQuotesInItsCells() throws Exception {
        byte[] bytes = ExportFormat.CSV.bytes(export(), Language.NB);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "a UTF-8 byte-order mark");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertEquals(1, rows.size());
        CSVRecord row = rows.get(0);
        assertEquals("Kommunen følger ikke opp", row.get("title"));
        assertEquals("Første avsnitt.\n\nAndre avsnitt, med komma.", row.get("text"));
        assertEquals("Det finnes ingen «samlet» oversikt, sa han", row.get("quote"));
        assertEquals("case", rows.get(0).getParser().getHeaderNames().get(0), "the header's first name as before, after the mark");
    }
}
