package no.evidens.pipeline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.findings.ReviewStep;
import no.evidens.pipeline.export.CaseExport.FindingOut;

/**
 * {@code evidens finding submit|approve|reopen}: the review and sign-off of a finding. The command line
 * acts as the case's lead (it is the local user's, or the server's administrator's).
 */
final class ReviewCommands {
    private ReviewCommands() {
    }

    /** What every review step takes, and how it is said back: each command names its step and the words. */
    abstract static class Step extends FindingsAction {
        @Parameters(paramLabel = "FINDING", description = "avvik-1, merknad-2, …")
        String ref;
        @Option(names = "--expect-version", paramLabel = "N", description = "Refuse when the finding has changed since this version.")
        Integer version;

        private final ReviewStep step;
        private final String done;

        Step(ReviewStep step, String done) {
            this.step = step;
            this.done = done;
        }

        @Override
        public Integer call() {
            FindingOut f = opts.service().review(opts.caseId, ref, step, true, opts.user(), version);
            return say("%s %s: %s (version %d)", done, f.ref(), f.status(), f.version());
        }
    }

    @Command(name = "submit", mixinStandardHelpOptions = true, description = "Send a draft finding (utkast) to review (til gjennomgang).")
    static final class Submit extends Step {
        Submit() {
            super(ReviewStep.SUBMIT, "Sent to review");
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approve a finding in review (godkjent): locked until reopened. The case's lead only.")
    static final class Approve extends Step {
        Approve() {
            super(ReviewStep.APPROVE, "Approved");
        }
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true,
            description = "Take a finding in review or approved back to draft (utkast), so it can be changed again.")
    static final class Reopen extends Step {
        Reopen() {
            super(ReviewStep.REOPEN, "Reopened");
        }
    }
}
