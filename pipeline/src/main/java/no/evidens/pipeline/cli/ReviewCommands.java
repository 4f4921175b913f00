package no.evidens.pipeline.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.findings.ReviewStep;
import no.evidens.pipeline.export.CaseExport.FindingOut;

/**
 * {@code evidens finding submit|approve|reopen}: the review and sign-off of a finding. The command line
 * acts as the case's lead (it is the local user's, or the server's administrator's).
 */
final class ReviewCommands {
    private ReviewCommands() {
    }

    /** What every review step takes. */
    abstract static class Step implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        FindingsOptions opts;
        @Parameters(paramLabel = "FINDING", description = "avvik-1, merknad-2, …")
        String ref;
        @Option(names = "--expect-version", paramLabel = "N", description = "Refuse when the finding has changed since this version.")
        Integer version;

        abstract ReviewStep step();

        abstract String done();

        @Override
        public Integer call() {
            FindingOut f = opts.service().review(opts.caseId, ref, step(), true, opts.user(), version);
            spec.commandLine().getOut().printf("%s %s: %s (version %d)%n", done(), f.ref(), f.status(), f.version());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Send a draft finding (utkast) to review (til gjennomgang).")
    static final class Submit extends Step {
        @Override
        ReviewStep step() {
            return ReviewStep.SUBMIT;
        }

        @Override
        String done() {
            return "Sent to review";
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a finding in review (godkjent): locked until reopened. The case's lead only.")
    static final class Approve extends Step {
        @Override
        ReviewStep step() {
            return ReviewStep.APPROVE;
        }

        @Override
        String done() {
            return "Approved";
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true,
            description = "Take a finding in review or approved back to draft (utkast), so it can be changed again.")
    static final class Reopen extends Step {
        @Override
        ReviewStep step() {
            return ReviewStep.REOPEN;
        }

        @Override
        String done() {
            return "Reopened";
        }
    }
}
