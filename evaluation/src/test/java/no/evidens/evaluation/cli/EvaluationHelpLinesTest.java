package no.evidens.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import no.evidens.pipeline.cli.EvidensCli;

/**
 * The help of every command, those this module adds ({@code eval}, {@code bench}, {@code tags eval}) with them, keeps the rule
 * the product's commands keep (pipeline's {@code HelpLinesTest}, which cannot see the added ones): picocli prints each element of a description on a
 * line of its own, so an element that does not end a sentence or clause is printed cut in the middle
 * ("… read by plain" / "`tesseract …` and by Evidens."). And every option that takes a value names it (N, DIR), not by
 * the field's name in angle brackets ({@code --docs=<docs>}).
 */
class EvaluationHelpLinesTest {
    @Test
    void noHelpLineIsCutMidSentenceAndNoValueIsNamedByItsField() {
        CommandLine cli = EvidensCli.commandLine();
        assertTrue(cli.getSubcommands().containsKey("bench"), "the evaluation commands joined the command line");
        List<String> wrong = new ArrayList<>();
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                collect(sub, wrong);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void collect(CommandLine cmd, List<String> wrong) {
        String name = cmd.getCommandSpec().qualifiedName(" ");
        check(name, cmd.getCommandSpec().usageMessage().description(), wrong);
        for (ArgSpec arg : cmd.getCommandSpec().args()) {
            check(name + " " + arg.paramLabel(), arg.description(), wrong);
            if (arg instanceof OptionSpec o && o.arity().max() > 0 && o.paramLabel().startsWith("<")) {
                wrong.add(name + " " + o.longestName() + ": a value labelled " + o.paramLabel());
            }
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            collect(sub, wrong);
        }
    }

    private static void check(String where, String[] lines, List<String> wrong) {
        if (lines.length < 2) {
            return;
        }
        for (String line : lines) {
            if (!line.strip().matches("(?s).*[.:;!?…)]")) {
                wrong.add(where + ": " + line);
            }
        }
    }
}
