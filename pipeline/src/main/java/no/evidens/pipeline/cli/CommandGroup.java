package no.evidens.pipeline.cli;

import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A command that only gathers its subcommands: run without one, it prints its usage. */
abstract class CommandGroup implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
