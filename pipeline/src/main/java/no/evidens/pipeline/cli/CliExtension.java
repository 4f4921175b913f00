package no.evidens.pipeline.cli;

import picocli.CommandLine;

/**
 * Commands that are not part of the product jar but join the {@code evidens} command line when their
 * jar is on the class path: the evaluation module's {@code eval}, {@code bench} and {@code tags eval}.
 * Found with {@link java.util.ServiceLoader}; an implementation names itself in
 * {@code META-INF/services/no.evidens.pipeline.cli.CliExtension}. They are not looked for when the command is
 * {@code ingest} ({@link EvidensCli}): an extension adds no command under it.
 */
public interface CliExtension {
    /**
     * Adds this extension's commands to the command line: top-level ones with
     * {@link CommandLine#addSubcommand(Object)}, or under an existing command found with
     * {@link CommandLine#getSubcommands()}.
     */
    void extend(CommandLine root);
}
