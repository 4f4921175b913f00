package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SourceTextTest {

    @Test
    void joinsWrappedLinesAndHonoursPageBreaks() {
        SourceText text = SourceText.parse("Tittel\n\nFørste linje\n  fortsetter her.\n\n<<<SIDESKIFT>>>\n\n"
            + "Andre avsnitt.\n<<<SIDESKIFT>>>\nTredje.\n\n\n");
        assertEquals(List.of("Tittel", "Første linje fortsetter her.", "Andre avsnitt.", "Tredje."),
            text.paragraphs());
        assertEquals(Set.of(2, 3), text.breaksBefore());
        assertEquals("Tittel\n\nFørste linje fortsetter her.\n\nAndre avsnitt.\n\nTredje.", text.expectedText());
    }

    @Test
    void pageOfIsOneBased() {
        SampleDocument doc = new SampleDocument("styringsdokumenter/x.pdf", "pdf", "X", LocalDate.of(2025, 1, 1),
            "styringsdokument", "abcdefghij", List.of(0, 4, 8));
        assertEquals(1, doc.pageOf(0));
        assertEquals(1, doc.pageOf(3));
        assertEquals(2, doc.pageOf(4));
        assertEquals(3, doc.pageOf(9));
        assertEquals("efgh", doc.pageText(2));
        assertThrows(IndexOutOfBoundsException.class, () -> doc.pageOf(-1));
    }

    @Test
    void typeFollowsTheTopFolder() {
        assertEquals("styringsdokument", SampleDocument.typeOf("styringsdokumenter/kopi/a.html"));
        assertEquals("journal", SampleDocument.typeOf("journaler/a.txt"));
        assertEquals("klientdokumentasjon", SampleDocument.typeOf("klientdokumentasjon/a.docx"));
        assertEquals("annet", SampleDocument.typeOf("a.txt"));
    }
}
