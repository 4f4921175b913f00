package no.evidens.pipeline.cli;

import picocli.CommandLine.Mixin;

/** A command on a case's findings: the home, the case and who is working ({@link FindingsOptions}), and its output. */
abstract class FindingsAction extends CliAction {
    @Mixin
    FindingsOptions opts;
}
