package no.evidens.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import org.junit.jupiter.api.Test;

/** Scoring of whole-document sentence gold. Fictional text only. */
class SentenceGoldEvaluatorTest {

    @Test
    void countsBoundariesSpansAndDisagreements() {
        String text = "Rutine for melding\n\nKommunen har en rutine, jf. § 4-3. Den er ikke kjent hos fastlegene.";
        int second = text.indexOf("Kommunen");
        int third = text.indexOf("Den er");
        // gold deliberately without the break before "Den er": one extra boundary, one wrong span
        List<TaggedSpan> gold = List.of(new TaggedSpan("SENTENCE", 0, 18),
                new TaggedSpan("SENTENCE", second, text.length()));
        SentenceGoldEvaluator.Report r = SentenceGoldEvaluator.evaluate(
                List.of(new SentenceGoldEvaluator.GoldText("doc", text, gold)), NorwegianModels.shared());
        assertEquals(2, r.goldSentences());
        assertEquals(3, r.predictedSentences());
        assertEquals(1, r.boundaries().gold());
        assertEquals(2, r.boundaries().predicted());
        assertEquals(1, r.boundaries().truePositives());
        assertEquals(0, r.inParagraphBoundaries().gold());
        assertEquals(1, r.inParagraphBoundaries().predicted());
        assertEquals(1, r.spans().truePositives());
        assertEquals(List.of(), r.missed());
        assertEquals(1, r.extra().size());
        assertEquals(0, r.extraAtColon());
        assertEquals(third - 1, text.indexOf(" Den er"));
        assertEquals("doc: …ding Kommunen har en rutine, jf. § 4-3. ‖ Den er ikke kjent hos fastlegene.…", r.extra().get(0));
    }

    @Test
    void auditTextHeaderIsSkippedAndRiskySplitsAreSorted() {
        assertEquals("Tekst.\nMer.", AuditTextCheck.body("url: x\nlang: nb\n\nTekst.\nMer."));
        assertEquals("Tekst uten hode.", AuditTextCheck.body("Tekst uten hode."));
        assertEquals("colon", AuditTextCheck.kind("Vedtak:"));
        assertEquals("paragraph-ref", AuditTextCheck.kind("Dette følger av § 4-3."));
        assertEquals("initial", AuditTextCheck.kind("Saken ble lagt fram for Kari B."));
        assertEquals("short-word", AuditTextCheck.kind("Dette gjelder tiltak mv."));
        assertEquals("number-or-date", AuditTextCheck.kind("Møtet var 16.6.2025."));
        assertEquals(null, AuditTextCheck.kind("Kommunen har ikke rutiner."));
    }
}
