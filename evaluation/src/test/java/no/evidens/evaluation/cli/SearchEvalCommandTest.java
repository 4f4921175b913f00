package no.evidens.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code evidens eval search --missed K --missed-grade G}: which grades the list of missed passages starts from. */
class SearchEvalCommandTest {
    @Test
    void missedListsGradeTwoAndUpUnlessAskedForLess() {
        SearchEvalCommand plain = new SearchEvalCommand();
        new CommandLine(plain).parseArgs("--missed", "20");
        assertEquals(2, plain.missedGrade);

        SearchEvalCommand marginal = new SearchEvalCommand();
        new CommandLine(marginal).parseArgs("--missed", "20", "--missed-grade", "1");
        assertEquals(1, marginal.missedGrade);
    }

    @Test
    void aGradeOutsideOneToThreeIsRefusedBeforeAnythingRuns() {
        SearchEvalCommand command = new SearchEvalCommand();
        new CommandLine(command).parseArgs("--missed", "20", "--missed-grade", "4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, command::call);
        assertTrue(e.getMessage().contains("--missed-grade"), e.getMessage());
    }
}
