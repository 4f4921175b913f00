package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import opennlp.tools.namefind.NameFinderSequenceValidator;

class OutcomePairValidatorTest {
    private static final List<String> OUTCOMES = List.of("other", "PER-start", "PER-cont", "ORG-start", "ORG-cont",
            "LOC-start", "LOC-cont", "start", "cont");

    @Test
    void answersAsOpenNlpForEveryOutcomeAfterEveryOutcomeAndAtTheStartAskedTwice() {
        NameFinderSequenceValidator openNlp = new NameFinderSequenceValidator();
        OutcomePairValidator remembering = new OutcomePairValidator();
        String[] tokens = {"Kari", "Nordbø", "skrev"};
        int valid = 0;
        for (int round = 0; round < 2; round++) {
            for (String outcome : OUTCOMES) {
                assertEquals(openNlp.validSequence(0, tokens, new String[0], outcome),
                        remembering.validSequence(0, tokens, new String[0], outcome), "at the start: " + outcome);
                for (String before : OUTCOMES) {
                    for (String[] outcomes : List.of(new String[] {before}, new String[] {"other", before})) {
                        int i = outcomes.length;
                        boolean expected = openNlp.validSequence(i, tokens, outcomes, outcome);
                        assertEquals(expected, remembering.validSequence(i, tokens, outcomes, outcome), before + " " + outcome);
                        valid += expected ? 1 : 0;
                    }
                }
            }
        }
        // a continuation only after its own type's start or continuation; everything else is valid
        assertEquals(2 * 2 * (OUTCOMES.size() * OUTCOMES.size() - 4 * (OUTCOMES.size() - 2)), valid);
    }
}
