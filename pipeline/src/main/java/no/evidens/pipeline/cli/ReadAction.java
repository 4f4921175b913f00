package no.evidens.pipeline.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that shows indexed text to someone: the home it reads, and who reads, for the audit trail. */
abstract class ReadAction extends CliAction {
    @Mixin
    HomeOption home;

    @Option(names = "--user", paramLabel = "NAME", description = "Who reads, for the audit trail (default: $USER).")
    String user;
}
