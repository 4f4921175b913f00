package no.evidens.evaluation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code evidens eval search} and {@code evidens bench search}, run as commands. */
class SearchCommandsIT {
    private static String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args), out::toString);
        return out.toString();
    }

    @Test
    void benchSearchRunsTiny() {
        String out = run(new SearchBenchCommand(), "--passages", "2000", "--queries", "3", "--rounds", "1");
        assertTrue(out.contains("passages/s") && out.contains("Faceted + highlighted p95"), out);
    }

    @Test
    void benchSearchHelpIsWrittenWithoutWarnings() {
        // picocli formats each option's description: a bare % there made it warn on every --help and print the raw text
        PrintStream err = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        String help;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            help = new CommandLine(new SearchBenchCommand()).getUsageMessage();
        } finally {
            System.setErr(err);
        }
        assertTrue(help.replaceAll("\\s+", " ").contains("compiling at most 3% of their time"), help);
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    /** The whole evaluation on the sample bundle: every judgement must still find its passage. */
    @Test
    void evalSearchResolvesEveryJudgementOnTheSampleBundle() {
        String out = run(new SearchEvalCommand());
        assertFalse(out.contains("warning:"), out);
        assertTrue(out.lines().map(String::strip).anyMatch(l -> l.matches("all\\s+\\d+\\s.*")
                && Integer.parseInt(l.split("\\s+")[1]) >= 30), out);
        assertTrue(out.contains("Nynorsk (nn)") && out.contains("split test"), out);
    }
}
