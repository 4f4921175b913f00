package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.findings.CaseGroups;
import no.evidens.pipeline.Json;

/**
 * What every {@code survey} subcommand shares: the home and user options ({@link SurveyOptions}) and the
 * ways it prints. picocli reads the annotated fields of a superclass as the subclass's own.
 */
abstract class SurveyAction implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SurveyOptions opts;

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

    /** Prints a group with its cases, municipalities and counties; 0, the command's exit status. */
    final int show(CaseGroups.Group g) {
        PrintWriter out = out();
        out.printf("%s  %s  (%d case%s)%n", g.id(), g.title(), g.cases().size(), g.cases().size() == 1 ? "" : "s");
        for (CaseGroups.Member m : g.cases()) {
            out.printf("  %-24s %-20s %s%n", m.caseId(), m.municipality(), m.county());
        }
        out.flush();
        return 0;
    }
}
