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
}
