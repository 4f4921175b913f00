package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.pipeline.Json;

/**
 * A command that prints what it did: its standard output, and the ways every such command ends (a line, a value as
 * JSON, or either), each flushed and returning the exit status 0. picocli reads the annotated fields of a superclass
 * as the subclass's own, so a subclass declares only its own options.
 */
abstract class CliAction implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints a line and flushes it; 0, the command's exit status. */
    final int say(String format, Object... args) {
        out().printf(format + "%n", args);
        out().flush();
        return 0;
    }

    /** Prints a value as JSON; 0, the command's exit status. */
    final int json(Object value) {
        out().println(Json.write(value));
        out().flush();
        return 0;
    }

    /** Writes text and flushes it; 0, the command's exit status. */
    final int text(Consumer<PrintWriter> text) {
        PrintWriter out = out();
        text.accept(out);
        out.flush();
        return 0;
    }

    /** Prints the value as JSON when {@code json} is set, else writes it as text; 0, the command's exit status. */
    final int print(boolean json, Object value, Consumer<PrintWriter> text) {
        return json ? json(value) : text(text);
    }
}
