package no.evidens.pipeline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;

/**
 * {@code evidens tags}: show the codebook in force. {@code evidens tags eval} (the taggers against the
 * project's gold data) lives in the evaluation module and joins this command through {@link CliExtension}.
 *
 * <p>{@link CodebookOption} is the hook that lets {@code analyze} and {@code ingest} take
 * {@code --codebook FILE}: add {@code @Mixin TagsCommand.CodebookOption codebook;} and pass
 * {@code codebook.resolve(home)} to what tags.
 */
@Command(name = "tags", mixinStandardHelpOptions = true,
        description = "Evaluate the taggers on the gold data; show the indicator codebook in force.",
        subcommands = TagsCommand.Codebooks.class)
public final class TagsCommand implements Callable<Integer> {

    /** Runs {@code evidens tags …} on its own (until the command is registered in {@link EvidensCli}). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new TagsCommand()).execute(args));
    }

    @Override
    public Integer call() {
        System.err.println("evidens tags: give a subcommand: eval or codebook (see --help)");
        return 2;
    }

    /**
     * {@code --codebook FILE}: the indicator codebook to tag with. Without it, {@code <home>/codebook.yaml}
     * (or .yml / .json) if there is one, else the default shipped with Evidens.
     */
    public static final class CodebookOption {
        @Option(names = "--codebook", paramLabel = "FILE",
                description = "Indicator codebook (YAML or JSON) to tag with; default: <home>/codebook.yaml if present, "
                        + "else the one shipped with Evidens.")
        Path file;

        /** The chosen codebook for an ingestion: read now when a file gives it, else when first tagged. */
        public java.util.function.Supplier<Codebook> forIngestion(EvidensHome home) {
            try {
                return no.evidens.pipeline.ingest.Ingestion.codebook(file, home);
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        /** The chosen codebook, for the caller to hand to what tags. */
        public Codebook resolve(EvidensHome home) {
            try {
                return Codebook.resolve(file, home == null ? null : home.root());
            } catch (IOException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "codebook", mixinStandardHelpOptions = true,
            description = "Print the indicator codebook in force: ids, labels and patterns.")
    static final class Codebooks implements Callable<Integer> {
        @Mixin
        CodebookOption codebook;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() {
            Codebook c = codebook.resolve(home.resolve());
            System.out.println("codebook: " + c.source() + " (" + c.indicators().size() + " indicators)");
            c.indicators().forEach(d -> System.out.printf("  %-24s %s: %s%n", d.id(), d.label(), String.join(" | ", d.patterns())));
            return 0;
        }
    }
}
