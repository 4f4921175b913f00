package no.evidens.pipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
                + "# a comment\nFEIL,(ulukket\nJOURNAL,ansvarsgruppe type:journal\nTOM,qzxqzx type:annet\n");
        List<BatchSearch.LabelledQuery> queries = BatchSearch.read(file);
        assertEquals(5, queries.size());
        try (EvidenceSearcher s = new EvidenceSearcher(tmp.resolve("index"))) {
            List<BatchSearch.Outcome> outcomes = BatchSearch.run(s, queries, "sak", 10);
            assertTrue(outcomes.get(2).error().startsWith("line 5: "), outcomes.get(2).error());
            assertTrue(outcomes.get(2).error().contains("brackets"), "a bad query is reported, the rest run");
            // a type no passage of the case has can never match: reported with its line and the values there
            String journal = "line 6: no passage in the case sak has type:journal (the values there, the closest first: annet)";
            assertEquals(journal, outcomes.get(3).error());
            // a value the case has, with no passage holding the words too, is a plain 0 hits
            assertNull(outcomes.get(4).error());
            assertEquals(0, outcomes.get(4).result().total());
            StringWriter matrix = new StringWriter();
            BatchSearch.writeMatrix(outcomes, matrix);
            List<String> rows = matrix.toString().lines().toList();
            assertEquals("label,journaler/notat.txt,styringsdokumenter/plan.pdf,total,error", rows.get(0));
            assertEquals("TAUSHETSPLIKT,0,1,1,", rows.get(1));
            assertEquals("ANSVARSGRUPPE,1,1,2,", rows.get(2));
            assertTrue(rows.get(3).startsWith("FEIL,0,0,0,\"line 5: "), rows.get(3));
            assertEquals("JOURNAL,0,0,0,\"" + journal + "\"", rows.get(4));
            assertEquals("TOM,0,0,0,", rows.get(5));
            StringWriter hits = new StringWriter();
            BatchSearch.writeHits(outcomes, hits);
            assertTrue(hits.toString().contains("ANSVARSGRUPPE,ansvarsgruppe,1,sak/"), hits.toString());
            assertTrue(hits.toString().contains("JOURNAL,ansvarsgruppe type:journal,,,,,,,,,,\"" + journal + "\""), hits.toString());
        }
    }

    @Test
    void plainLinesAreQueriesLabelledByThemselves() throws Exception {
        Path file = tmp.resolve("q.txt");
        Files.writeString(file, "# sjekkliste\ntaushetsplikt\n\n\"individuell plan\"\n");
        assertEquals(List.of(new BatchSearch.LabelledQuery("taushetsplikt", "taushetsplikt", 2),
                new BatchSearch.LabelledQuery("\"individuell plan\"", "\"individuell plan\"", 4)), BatchSearch.read(file));
    }

    @Test
    void eachQueryOfACsvKnowsTheLineItStandsOn() throws Exception {
        List<BatchSearch.LabelledQuery> read = BatchSearch.read("# sjekkliste\n\nlabel;query\nA;a\n\n# B;b\nC;\"c\nd\"\r\nE;e\n", "a file");
        assertEquals(List.of(new BatchSearch.LabelledQuery("A", "a", 4), new BatchSearch.LabelledQuery("C", "c\nd", 7),
                new BatchSearch.LabelledQuery("E", "e", 9)), read);
    }

    @Test
    void aLabelledRowWithoutAQueryIsReportedOnItsLineNotLeftOut() throws Exception {
        index(tmp.resolve("index"));
        List<BatchSearch.LabelledQuery> queries = BatchSearch.read("label,query\nA,taushetsplikt\nTOM,\n,\nB,ansvarsgruppe\n", "sok.csv");
        assertEquals(List.of(new BatchSearch.LabelledQuery("A", "taushetsplikt", 2), new BatchSearch.LabelledQuery("TOM", "", 3),
                new BatchSearch.LabelledQuery("B", "ansvarsgruppe", 5)), queries, "a row with neither label nor query is no row");
        try (EvidenceSearcher s = new EvidenceSearcher(tmp.resolve("index"))) {
            List<BatchSearch.Outcome> outcomes = BatchSearch.run(s, queries, "sak", 10);
            assertTrue(outcomes.get(1).error().startsWith("line 3: the query is empty"), outcomes.get(1).error());
            assertNull(outcomes.get(0).error());
            assertNull(outcomes.get(2).error(), "the rows after it run");
        }
    }

    @Test
    void aCsvLineThatCannotBeReadIsNamedWithTheRule() {
        // a phrase's quotes not doubled: the field's closing mark is followed by more text
        BatchSearch.UnreadableCsv bad = assertThrows(BatchSearch.UnreadableCsv.class,
                () -> BatchSearch.read("label,query\nip,individuell plan\n\nkoord,\"koordinator\" navn\n", "sok.csv"));
        assertEquals(4, bad.line());
        assertTrue(bad.getMessage().startsWith("sok.csv: line 4 cannot be read as CSV: a field that starts with a quotation mark"),
                bad.getMessage());
        // a quoted field never closed runs to the end of the file: named by the line it starts on
        BatchSearch.UnreadableCsv open = assertThrows(BatchSearch.UnreadableCsv.class,
                () -> BatchSearch.read("label,query\nip,\"\"\"individuell plan\n# kommentar\nkoord,koordinator\n", "sok.csv"));
        assertEquals(2, open.line());
    }

    @Test
    void theMatrixDownloadsAsAWorkbookWithTheSameCounts() throws Exception {
        index(tmp.resolve("index"));
        List<BatchSearch.LabelledQuery> queries = BatchSearch.read("taushetsplikt\nansvarsgruppe\nindikator:taushetsplikten\n", "an upload");
        try (EvidenceSearcher s = new EvidenceSearcher(tmp.resolve("index"))) {
            BatchMatrix m = BatchMatrix.of(BatchSearch.run(s, queries, "sak", 10));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeXlsx(out, "Søk", "Sum", "Feil");
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    new java.io.ByteArrayInputStream(out.toByteArray()))) {
                org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
                assertEquals("journaler/notat.txt", sheet.getRow(0).getCell(1).getStringCellValue());
                assertEquals("ansvarsgruppe", sheet.getRow(2).getCell(0).getStringCellValue());
                assertEquals(1.0, sheet.getRow(2).getCell(1).getNumericCellValue());
                assertEquals(2.0, sheet.getRow(2).getCell(3).getNumericCellValue(), "the row's sum");
                assertEquals("Feil", sheet.getRow(0).getCell(4).getStringCellValue());
                assertEquals("line 3: no passage in the case sak has indikator:taushetsplikten", sheet.getRow(3).getCell(4).getStringCellValue(),
                        "a line that can never match says why in the last column");
                assertEquals("", sheet.getRow(2).getCell(4).getStringCellValue());
            }
        }
    }
}
