package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.lang.Language;

/** The report's own words follow the case's language: «Kilde» in Bokmål, «Kjelde» in Nynorsk; the quotation stays as written. */
class ExportLanguageTest {
    private static CaseExport export() {
        EvidenceOut e = new EvidenceOut(1, 1, "supports", "Ingen oversikt over koordinatorer", "Referat, styringsdokument, side 1",
                new Citation("Referat", "styringsdokumenter/referat.txt", "styringsdokument", "d1", 1, 1, 10, 43), "sak/d1/0", "sak/d1/0",
                "sha", null, "Sjekk dato", null, "kari", "2026-01-01T00:00:00Z", "1");
        FindingOut f = new FindingOut(1, "avvik-1", "Avvik 1", "avvik", 1, "Kommunen sikrer ikke koordinator", List.of(), "", "utkast",
                "kari", "2026-01-01T00:00:00Z", "kari", "2026-01-01T00:00:00Z", List.of(e), 1);
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "sak", "2026-01-01T00:00:00Z", "kari", true, List.of(f), List.of());
    }

    @Test
    void bokmålSaysKildeAndNynorskKjelde() {
        String nb = MarkdownReport.render(export(), Language.NB);
        String nn = MarkdownReport.render(export(), Language.NN);
        assertTrue(nb.contains("> Kilde: Referat, styringsdokument, side 1 (styringsdokumenter/referat.txt, tegn 10–43)"), nb);
        assertTrue(nb.startsWith("# Tilsynets funn\n\nSak: sak (personopplysninger er fjernet fra sitatene)"), nb);
        assertTrue(nn.contains("> Kjelde: Referat, styringsdokument, side 1 (styringsdokumenter/referat.txt, teikn 10–43)"), nn);
        assertTrue(nn.contains("*Avviket byggjer på følgjande:*"), nn);
        assertTrue(nn.contains("Revisoren sitt notat: Sjekk dato"), nn);
        assertFalse(nn.contains("Kilde"), nn);
        assertEquals(nb.lines().filter(l -> l.contains("«Ingen oversikt over koordinatorer»")).count(),
                nn.lines().filter(l -> l.contains("«Ingen oversikt over koordinatorer»")).count());
    }
}
