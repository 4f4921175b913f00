package no.evidens.pipeline.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Round 47: a group titled with a fødselsnummer («Tilsyn etter klage 150378-10034») carried it into the summary report's
 * heading and the DOCX's own title, anonymised or not. The report masks it as every export does.
 */
class GroupReportTextTest {
    @Test
    void theReportsTitleCarriesNoFodselsnummer() {
        GroupOverview o = new GroupOverview("klage-2026", "Tilsyn etter klage 150378-10034 og 15037810034",
                new GroupOverview.Totals(0, 0, 0, 0, 0, 0), List.of(), List.of(), List.of(), List.of());
        assertEquals("Oppsummering: Tilsyn etter klage [fødselsnummer] og [fødselsnummer]", GroupReportText.title(o));
    }
}
