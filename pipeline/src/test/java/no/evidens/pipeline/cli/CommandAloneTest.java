package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * A command named first is run with no other command made beside it (picocli models every command it is given, some
 * 0.5 s of each start for all of them), and answers as it did among all: its errors, its suggestions, its help.
 */
class CommandAloneTest {
    @Test
    void aBuiltInCommandNamedFirstIsMadeAlone() {
        assertEquals(Set.of("ingest"), EvidensCli.commandLine(new String[] {"ingest", "--case", "sak", "bunt"}).getSubcommands().keySet());
        assertEquals(Set.of("search"), EvidensCli.commandLine(new String[] {"search", "tiltak"}).getSubcommands().keySet());
    }

    @Test
    void theWholeCommandLineWhenNoBuiltInCommandIsNamedFirst() {
        Set<String> all = EvidensCli.commandLine().getSubcommands().keySet();
        assertTrue(all.size() > 20, all.toString());
        for (String first : new String[] {"--help", "help", "serch", "tags"}) {
            assertEquals(all, EvidensCli.commandLine(new String[] {first}).getSubcommands().keySet(), first);
        }
        assertEquals(all, EvidensCli.commandLine(new String[0]).getSubcommands().keySet());
    }

    @Test
    void aCommandMadeAloneSuggestsAsAmongAll() {
        String[] args = {"search", "--case", "sak", "--limt", "3", "tiltak"};
        String alone = run(EvidensCli.commandLine(args), args);
        assertTrue(alone.startsWith("2 ") && alone.contains("did you mean --limit?"), alone);
        assertEquals(run(EvidensCli.commandLine(), args), alone);
    }

    private static String run(CommandLine cli, String[] args) {
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return exit + " " + err;
    }
}
