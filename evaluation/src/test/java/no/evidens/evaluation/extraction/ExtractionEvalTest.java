package no.evidens.evaluation.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class ExtractionEvalTest {
    @Test
    void wordErrorRateCountsSubstitutionsInsertionsAndDeletions() {
        assertEquals(new WordErrorRate(0, 4), WordErrorRate.of("barnevern og NAV samarbeider", "barnevern  og\nNAV samarbeider"));
        assertEquals(new WordErrorRate(1, 4), WordErrorRate.of("barnevern og NAV samarbeider", "barnevern og NAV samarbeid"));
        assertEquals(new WordErrorRate(3, 3), WordErrorRate.of("fylkesmennene har tilsyn", "fylkesmen nene har"),
                "a torn word is two errors, a lost word one");
        assertEquals(0.5, new WordErrorRate(1, 2).rate());
    }

    @Test
    void differencesNameTheWordsThatCameOutWrongWithTheWordBefore() {
        assertEquals(List.of("[∅ → Side 1]", "ved [Nav-kontoret → Navkontoret]"),
                WordErrorRate.differences("Tilsyn ved Nav-kontoret i kommunen", "Side 1 Tilsyn ved Navkontoret i kommunen", 10));
        assertEquals(List.of(), WordErrorRate.differences("same words", "same\nwords", 10));
    }

    @Test
    void aReportAsWordHasOneParagraphPerBlockAndExpectsNoHeaderOrFooter() throws Exception {
        ReportDocx.Rendered docx = ReportDocx.render("Første linje\nfortsetter.\n\nNytt avsnitt.\n");
        assertEquals("Første linje fortsetter.\n\nNytt avsnitt.", docx.expectedText());
        assertTrue(docx.bytes().length > 0);
    }

    @Test
    void thePrintedTableHasOneRowPerFormatAndATotal() {
        StringWriter out = new StringWriter();
        ExtractionEval.print("t", List.of(
                new ExtractionEval.DocResult("a.pdf", "pdf", new WordErrorRate(1, 100), 2, 2, 1, null),
                new ExtractionEval.DocResult("b.txt", "txt", new WordErrorRate(0, 50), 1, 1, 1, null),
                new ExtractionEval.DocResult("c.pdf", "pdf", new WordErrorRate(0, 0), 1, 0, 0, "the file is damaged")),
                new PrintWriter(out));
        String table = out.toString();
        assertTrue(table.contains("pdf") && table.contains("1.00%") && table.contains("2/3"), table);
        assertTrue(table.lines().anyMatch(l -> l.strip().startsWith("all") && l.contains("150") && l.contains("3/4")), table);
        assertTrue(table.contains("failed: c.pdf: the file is damaged"), table);
    }
}
