package no.evidens.evaluation.cli;

import picocli.CommandLine;

import no.evidens.pipeline.cli.CliExtension;

/**
 * Adds the evaluation and benchmark commands to {@code evidens}: {@code eval …}, {@code bench …} and
 * {@code tags eval} (under the product's {@code tags}). Registered for {@link java.util.ServiceLoader}
 * in {@code META-INF/services}.
 */
public final class EvaluationCommands implements CliExtension {
    @Override
    public void extend(CommandLine root) {
        root.addSubcommand(new EvalCommand());
        root.addSubcommand(new BenchCommand());
        CommandLine tags = root.getSubcommands().get("tags");
        if (tags != null) {
            tags.addSubcommand(new TagsEvalCommand());
        }
    }
}
