package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import no.evidens.models.NorwegianModels;
import no.evidens.models.eval.ModelEvaluator;
import no.evidens.models.train.ModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evidens models}: train the Norwegian OpenNLP models from the treebank, and evaluate them on a
 * CoNLL-U file. Thin wrappers around {@link ModelTrainer} and {@link ModelEvaluator}.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Train and evaluate the Norwegian sentence, token and name models.",
        subcommands = {ModelsCommand.Train.class, ModelsCommand.Eval.class})
public final class ModelsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("evidens models: give a subcommand: train or eval (see --help)");
        return 2;
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train sentence detector, tokenizer and name finder from the NDT/NorNE CoNLL files "
                    + "(UD train part only) and write nb-sent.bin, nb-token.bin, nb-ner.bin.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--data", required = true, paramLabel = "DIR",
                description = "Folder of the treebank .conll files (e.g. ../shared/nlp/ndt-nob-train).")
        Path data;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "models/src/main/resources/no/evidens/models",
                description = "Where to write the models (default: ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() {
            if (!Files.isDirectory(data)) {
                System.err.println("evidens models train: not a folder: " + data);
                return 1;
            }
            try {
                ModelTrainer.train(data, out, System.out);
                return 0;
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                System.err.println("evidens models train: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Print sentence, token and name precision/recall/F1 on a CoNLL-U file "
                    + "with # text lines, SpaceAfter=No and NorNE name tags.")
    static final class Eval implements Callable<Integer> {
        @Option(names = "--conllu", required = true, paramLabel = "FILE", description = "The CoNLL-U file.")
        Path conllu;

        @Option(names = "--models", paramLabel = "DIR",
                description = "Evaluate the models in this folder instead of the bundled ones.")
        Path modelDir;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(conllu)) {
                System.err.println("evidens models eval: no such file: " + conllu);
                return 1;
            }
            try {
                NorwegianModels models = modelDir == null
                        ? NorwegianModels.shared() : NorwegianModels.fromDirectory(modelDir);
                ModelEvaluator.print(ModelEvaluator.evaluate(conllu, models), System.out);
                return 0;
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                System.err.println("evidens models eval: " + e.getMessage());
                return 1;
            }
        }
    }
}
