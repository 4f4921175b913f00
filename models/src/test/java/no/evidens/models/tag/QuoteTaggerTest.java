package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class QuoteTaggerTest {
    private final QuoteTagger tagger = new QuoteTagger();

    private static String inner(String text, Quotation q) {
        return text.substring(q.start(), q.end());
    }

    @Test
    void guillemetsWithNestedQuotationAndAttributionAfter() {
        String t = "Han sa: «Vi har en rutine som heter ‹melding først›, men den brukes ikke», sier leder av tjenesten.";
        List<Quotation> q = tagger.tag(t);
        assertEquals(2, q.size());
        assertEquals("Vi har en rutine som heter ‹melding først›, men den brukes ikke", inner(t, q.get(0)));
        assertEquals("melding først", inner(t, q.get(1)));
        assertTrue(q.get(1).flags().contains(Quotation.NESTED));
        assertEquals("sier leder av tjenesten", q.get(0).attribution().cut(t));
    }

    @Test
    void attributionBefore() {
        String t = "Det fremgår av intervjuer at «ingen har ansvaret for å kalle inn».";
        Quotation q = tagger.tag(t).get(0);
        assertEquals("ingen har ansvaret for å kalle inn", inner(t, q));
        assertNotNull(q.attribution());
        assertTrue(q.attribution().cut(t).startsWith("Det fremgår av intervjuer"), q.attribution().cut(t));
    }

    @Test
    void straightAndCurlyQuotesButNotInchMarks() {
        String t = "Skjermen er 24\" og rapporten kaller dette \"god praksis\". I planen står det “samarbeid skal skje”.";
        List<Quotation> q = tagger.tag(t);
        assertEquals(2, q.size());
        assertEquals("god praksis", inner(t, q.get(0)));
        assertEquals("samarbeid skal skje", inner(t, q.get(1)));
    }

    @Test
    void unclosedQuotationIsBoundedAtItsParagraphAndFlagged() {
        String t = "Leder sa «dette er ikke avsluttet og fortsetter\n\nNeste avsnitt handler om noe annet.\n\n«Et nytt sitat».";
        List<Quotation> q = tagger.tag(t);
        assertEquals(2, q.size());
        assertEquals("dette er ikke avsluttet og fortsetter", inner(t, q.get(0)));
        assertTrue(q.get(0).flags().contains(Quotation.UNCLOSED));
        assertEquals("Et nytt sitat", inner(t, q.get(1)));
        assertTrue(q.get(1).flags().isEmpty());
        assertNull(q.get(1).attribution());
    }

    @Test
    void quotationOverLineBreaksAndSentences() {
        String t = "Rutinen sier: «Meldingen sendes samme dag.\nLeder skal varsles. Kopi arkiveres.»";
        Quotation q = tagger.tag(t).get(0);
        assertEquals("Meldingen sendes samme dag.\nLeder skal varsles. Kopi arkiveres.", inner(t, q));
    }

    @Test
    void furnitureIsSkipped() {
        String t = "Rapport «Tilsyn 2025» side 1\n\nTeksten sier «ja».";
        List<Quotation> q = tagger.tag(t, List.of(new int[] {0, 28}));
        assertEquals(1, q.size());
        assertEquals("ja", inner(t, q.get(0)));
    }
}
