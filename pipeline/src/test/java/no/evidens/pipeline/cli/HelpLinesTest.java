package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Picocli prints each element of a description on a line of its own: a sentence split over two elements is printed cut in
 * the middle ("For a team: --sign-in" / "(accounts from …"). So every element of a description of more than one element,
 * a command's or an option's, ends a sentence or a clause; a long sentence is one element, which picocli wraps itself.
 */
class HelpLinesTest {
    @Test
    void noHelpLineIsCutInTheMiddleOfASentence() {
        List<String> cut = new ArrayList<>();
        collect(EvidensCli.commandLine(), cut);
        assertEquals(List.of(), cut, "help lines cut off mid-sentence: make the sentence one element");
    }

    private static void collect(CommandLine cli, List<String> cut) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                continue;
            }
            String name = sub.getCommandSpec().qualifiedName(" ");
            check(name, sub.getCommandSpec().usageMessage().description(), cut);
            for (ArgSpec arg : sub.getCommandSpec().args()) {
                check(name + " " + arg.paramLabel(), arg.description(), cut);
            }
            collect(sub, cut);
        }
    }

    private static void check(String where, String[] lines, List<String> cut) {
        if (lines.length < 2) {
            return;
        }
        for (String line : lines) {
            if (!line.strip().matches("(?s).*[.:;!?…)]")) {
                cut.add(where + ": " + line);
            }
        }
    }
}
