package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.models.NorwegianModels;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.export.Anonymiser;

class AnonymisationEvalTest {
    @Test
    void anAnonymisedExportOfEveryPassageOfAJournalFullOfNamesLeaksNoneOfThem() {
        AnonymisationEval eval = new AnonymisationEval(NorwegianModels.shared(), Codebook.defaults(), Anonymiser.withNameModel());
        AnonymisationEval.Counts c = eval.run(List.of(AnonymisationTexts.journal()), null);
        assertTrue(c.mentions() >= 25, "the journal's person mentions are all quoted: " + c);
        assertEquals(0, c.whole(), c.toString());
        assertEquals(0, c.part(), c.toString());
        assertEquals(0, c.nonPersonWords(), c.toString());
    }

    @Test
    void theWrittenStressSetQ4HoldsItsThreeTextsWithEveryPersonLabelledAndNoneLeftBeyondRound30sTwo() {
        List<AnonymisationEval.GoldText> docs = AnonymisationTexts.stressQ4();
        assertEquals(3, docs.size());
        assertEquals(65, docs.stream().mapToInt(d -> d.names().size()).sum());
        AnonymisationEval eval = new AnonymisationEval(NorwegianModels.shared(), Codebook.defaults(), Anonymiser.withNameModel());
        AnonymisationEval.Counts c = eval.run(docs, null);
        assertEquals(63, c.mentions(), c.toString());
        assertTrue(c.whole() + c.part() <= 2, "round 30 leaves 2 of q4's mentions (round 29: 3): " + c);
    }
    @Test
    void theWrittenStressSetQ5HoldsItsThreeTextsAndLeavesNoneOfThem() {
        List<AnonymisationEval.GoldText> docs = AnonymisationTexts.stressQ5();
        assertEquals(3, docs.size());
        assertEquals(60, docs.stream().mapToInt(d -> d.names().size()).sum());
        AnonymisationEval eval = new AnonymisationEval(NorwegianModels.shared(), Codebook.defaults(), Anonymiser.withNameModel());
        AnonymisationEval.Counts c = eval.run(docs, null);
        assertEquals(60, c.mentions(), c.toString());
        assertEquals(0, c.whole() + c.part(), "round 30 leaves none of q5's mentions (4 before it): " + c);
        assertTrue(c.nonPersonWords() <= 1, "round 30 masks 1 word of q5 that is no person: " + c);
    }

    @Test
    void theWrittenStressSetQ6HoldsItsThreeTextsAndLeavesNoneOfThem() {
        List<AnonymisationEval.GoldText> docs = AnonymisationTexts.stressQ6();
        assertEquals(3, docs.size());
        assertEquals(69, docs.stream().mapToInt(d -> d.names().size()).sum());
        AnonymisationEval eval = new AnonymisationEval(NorwegianModels.shared(), Codebook.defaults(), Anonymiser.withNameModel());
        AnonymisationEval.Counts c = eval.run(docs, null);
        assertEquals(65, c.mentions(), c.toString());
        assertEquals(0, c.whole() + c.part(), "round 31 leaves none of q6's mentions (3 before it): " + c);
        assertTrue(c.nonPersonWords() <= 7, "round 31 masks 7 words of q6 that are no person: " + c);
    }
}
