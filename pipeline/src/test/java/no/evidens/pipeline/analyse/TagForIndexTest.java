package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.normalise.NormalisedText;

/**
 * What an ingest and a reindex tag a document for: everything the index keeps of it (its sentences, which cut its
 * passages, its quotations, indicators and legal references) exactly as {@code analyze} finds them, and neither its names
 * nor its personal data, which no index field, passage or receipt holds (the export's anonymisation finds them anew).
 * Fictional text only.
 */
class TagForIndexTest {
    private static final String TEXT = "Tilsynsrapport for Nordby kommune"
            + NormalisedText.PARAGRAPH_BREAK
            + "Barneverntjenesten ved leder Kari Nordmann sier at «vi har ikke en individuell plan for alle barna». "
            + "Kommunen sikrer ikke at meldinger følges opp, jf. barnevernloven § 6-4 og forvaltningsloven § 17. "
            + "Ola Hansen i NAV kan nås på telefon 912 34 567 eller ola.hansen@nordby.kommune.no."
            + NormalisedText.PARAGRAPH_BREAK
            + "Fastlegen ble ikke invitert til samarbeidsmøtet om ettervern, og Per Olsen skrev at «det var en glipp».";

    @Test
    void theIndexGetsTheSameSpansAsAnalyzeWithoutNamesOrPersonalData() {
        DocumentAnalyser analyser = new DocumentAnalyser();
        NormalisedText doc = new NormalisedText(TEXT, List.of(0));
        DocumentAnalysis all = analyser.tag("rapport.txt", "ab12", "text/plain", doc);
        DocumentAnalysis index = analyser.tagForIndex("rapport.txt", "ab12", "text/plain", doc);
        // the text has each kind, so the comparison below compares something
        assertFalse(all.quotes().isEmpty(), "quotations");
        assertFalse(all.indicators().isEmpty(), "indicators");
        assertFalse(all.legalRefs().isEmpty(), "legal references");
        assertTrue(all.entities().stream().anyMatch(e -> "PER".equals(e.type())), "names: " + all.entities());
        assertFalse(all.pii().isEmpty(), "personal data");

        assertEquals(all.text(), index.text());
        assertEquals(all.pages(), index.pages());
        assertEquals(all.sentences(), index.sentences());
        assertEquals(all.quotes(), index.quotes());
        assertEquals(all.indicators(), index.indicators());
        assertEquals(all.legalRefs(), index.legalRefs());
        assertEquals(List.of(), index.entities());
        assertEquals(List.of(), index.pii());
        assertEquals("und", index.language());
    }
}
