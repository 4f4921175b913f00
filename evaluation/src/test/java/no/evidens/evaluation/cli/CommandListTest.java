package no.evidens.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import no.evidens.pipeline.cli.EvidensCli;

/**
 * {@code evidens --help} (and the help of every command with subcommands) lists each command with the first line of its
 * description: that line must be a whole sentence, not one cut off in the middle ("… then start"). Here, where the
 * evaluation's commands ({@code eval}, {@code bench}) have joined the product's.
 */
class CommandListTest {
    @Test
    void everyCommandIsListedWithAWholeSentence() {
        List<String> cut = new ArrayList<>();
        collect(EvidensCli.commandLine(), cut);
        assertEquals(List.of(), cut, "commands listed with a sentence cut off: give each a first line that ends with a full stop");
    }

    static void collect(CommandLine cli, List<String> cut) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            if (sub.getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            String[] header = sub.getCommandSpec().usageMessage().header();
            String[] description = sub.getCommandSpec().usageMessage().description();
            String listed = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
            if (!listed.strip().endsWith(".")) {
                cut.add(sub.getCommandSpec().qualifiedName(" ") + ": " + listed);
            }
            collect(sub, cut);
        }
    }
}
