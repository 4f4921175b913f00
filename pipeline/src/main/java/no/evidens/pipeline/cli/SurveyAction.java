package no.evidens.pipeline.cli;

import picocli.CommandLine.Mixin;

import no.evidens.findings.CaseGroups;

/**
 * What every {@code survey} subcommand shares: the home and user options ({@link SurveyOptions}) and the
 * ways it prints ({@link CliAction}, and a group's cases).
 */
abstract class SurveyAction extends CliAction {
    @Mixin
    SurveyOptions opts;

    /** Prints a group with its cases, municipalities and counties; 0, the command's exit status. */
    final int show(CaseGroups.Group g) {
        return text(out -> {
            out.printf("%s  %s  (%d case%s)%n", g.id(), g.title(), g.cases().size(), g.cases().size() == 1 ? "" : "s");
            for (CaseGroups.Member m : g.cases()) {
                out.printf("  %-24s %-20s %s%n", m.caseId(), m.municipality(), m.county());
            }
        });
    }
}
