package no.evidens.pipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;

class BatchSearchTest {
    @TempDir
    Path tmp;

    private void index(Path dir) throws Exception {
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            for (String[] d : new String[][] {
                    {"a", "styringsdokumenter/plan.pdf", "Ansatte kjenner taushetsplikten. Ansvarsgruppen møtes månedlig."},
                    {"b", "journaler/notat.txt", "Fastlegen deltok i ansvarsgruppen om gutten."}}) {
                String text = d[2];
                w.add(new IndexedDocument(d[0], "sak", d[1], "annet", d[0], "sha" + d[0], "text/plain", text, List.of(0)),
                        List.of(new Passage(Passage.idOf("sak", d[0], 0), "sak", d[0], d[1], "annet", d[0], "", 1, 0,
                                text.length(), text, List.of(), List.of())));
            }
            w.commit();
        }
    }

    @Test
    void aCsvOfLabelledQueriesGivesHitsAndAMatrix() throws Exception {
        index(tmp.resolve("index"));
        Path file = tmp.resolve("indikatorer.csv");
        Files.writeString(file, "label,query\nTAUSHETSPLIKT,taushetsplikt\nANSVARSGRUPPE,ansvarsgruppe\n"
                + "# a comment\nFEIL,(ulukket\n");
        List<BatchSearch.LabelledQuery> queries = BatchSearch.read(file);
        assertEquals(3, queries.size());
        try (EvidenceSearcher s = new EvidenceSearcher(tmp.resolve("index"))) {
            List<BatchSearch.Outcome> outcomes = BatchSearch.run(s, queries, "sak", 10);
            assertTrue(outcomes.get(2).error().contains("brackets"), "a bad query is reported, the rest run");
            StringWriter matrix = new StringWriter();
            BatchSearch.writeMatrix(outcomes, matrix);
            List<String> rows = matrix.toString().lines().toList();
            assertEquals("label,journaler/notat.txt,styringsdokumenter/plan.pdf,total", rows.get(0));
            assertEquals("TAUSHETSPLIKT,0,1,1", rows.get(1));
            assertEquals("ANSVARSGRUPPE,1,1,2", rows.get(2));
            assertEquals("FEIL,0,0,0", rows.get(3));
            StringWriter hits = new StringWriter();
            BatchSearch.writeHits(outcomes, hits);
            assertTrue(hits.toString().contains("ANSVARSGRUPPE,ansvarsgruppe,1,sak/"), hits.toString());
        }
    }

    @Test
    void plainLinesAreQueriesLabelledByThemselves() throws Exception {
        Path file = tmp.resolve("q.txt");
        Files.writeString(file, "# sjekkliste\ntaushetsplikt\n\n\"individuell plan\"\n");
        assertEquals(List.of(new BatchSearch.LabelledQuery("taushetsplikt", "taushetsplikt"),
                new BatchSearch.LabelledQuery("\"individuell plan\"", "\"individuell plan\"")), BatchSearch.read(file));
    }

    @Test
    void theMatrixDownloadsAsAWorkbookWithTheSameCounts() throws Exception {
        index(tmp.resolve("index"));
        List<BatchSearch.LabelledQuery> queries = BatchSearch.read("taushetsplikt\nansvarsgruppe\n\n", "an upload");
        try (EvidenceSearcher s = new EvidenceSearcher(tmp.resolve("index"))) {
            BatchMatrix m = BatchMatrix.of(BatchSearch.run(s, queries, "sak", 10));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeXlsx(out, "Søk", "Sum");
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    new java.io.ByteArrayInputStream(out.toByteArray()))) {
                org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
                assertEquals("journaler/notat.txt", sheet.getRow(0).getCell(1).getStringCellValue());
                assertEquals("ansvarsgruppe", sheet.getRow(2).getCell(0).getStringCellValue());
                assertEquals(1.0, sheet.getRow(2).getCell(1).getNumericCellValue());
                assertEquals(2.0, sheet.getRow(2).getCell(3).getNumericCellValue(), "the row's sum");
            }
        }
    }
}
