package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import no.evidens.corpus.SentenceGold;
import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.bench.ModelBenchmark;
import no.evidens.models.eval.AuditTextCheck;
import no.evidens.models.eval.ModelEvaluator;
import no.evidens.models.eval.NameEvaluation;
import no.evidens.models.eval.Prf;
import no.evidens.models.eval.SentenceSplitEvaluation;
import no.evidens.models.eval.TreebankDocuments;
import no.evidens.models.eval.SentenceGoldEvaluator;
import no.evidens.models.train.HoldOutNames;
import no.evidens.models.train.ModelTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evidens models}: train the Norwegian OpenNLP models from the treebank, evaluate them (on a
 * CoNLL-U file, on the sample corpus's sentence gold, on a folder of real audit text), and benchmark
 * them. Thin wrappers around {@link ModelTrainer}, {@link ModelEvaluator}, {@link SentenceGoldEvaluator},
 * {@link AuditTextCheck} and {@link ModelBenchmark}.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Train, evaluate and benchmark the Norwegian sentence, token and name models.",
        subcommands = {ModelsCommand.Train.class, ModelsCommand.Eval.class, ModelsCommand.Bench.class})
public final class ModelsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("evidens models: give a subcommand: train, eval or bench (see --help)");
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

        @Option(names = "--hold-out", arity = "0..1", paramLabel = "FOLD", fallbackValue = "1",
                description = "Train only a name model for evaluation, without every sixth train-part file of FOLD (1, "
                + "the default: the held-out files of `models eval --ndt DIR --split holdout`; 2 to 6: those of `--split "
                + "holdout2` … `holdout6`), into --out, which must then be given and must not be the bundled models' folder.")
        Integer holdOut;

        @Override
        public Integer call() {
            // a usage error, told as every command tells one (exit 2, one line through the command line's handler)
            if (!Files.isDirectory(data)) {
                throw new IllegalArgumentException("no such folder: " + data + " (--data is the treebank's folder)");
            }
            try {
                if (holdOut != null) {
                    if (out.endsWith(Path.of("src/main/resources/no/evidens/models"))) {
                        System.err.println("evidens models train: --hold-out writes an evaluation model; give --out DIR "
                                + "outside the repository");
                        return 2;
                    }
                    HoldOutNames.train(data, holdOut, out, System.out);
                    return 0;
                }
                ModelTrainer.train(data, out, System.out);
                return 0;
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                System.err.println("evidens models train: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = {"Evaluate the models.", "Give one or more of:",
                "  --conllu FILE: sentence, token and name precision/recall/F1 on a CoNLL-U file with # text "
                        + "lines, SpaceAfter=No and NorNE name tags;",
                "  --sample: sentence-boundary precision/recall/F1 on the hand-written sentence gold of the "
                        + "sample corpus (corpus module);",
                "  --ndt DIR [--split dev|test|all]: typed name precision/recall/F1 (PER, ORG, LOC) on the dev-part "
                        + "files of the treebank folder (e.g. ../shared/nlp/ndt-nob-train), a file per document;",
                "    --split holdout (holdout2 … holdout6) with --models DIR (from models train --hold-out, --hold-out 2 … 6): on the "
                        + "held-out train-part files of that fold;",
                "  --audit-text DIR: sentence counts and the splits worth checking by hand on real audit "
                        + "text without gold (e.g. ../shared/eval-dev)."})
    static final class Eval implements Callable<Integer> {
        @Option(names = "--conllu", paramLabel = "FILE", description = "The CoNLL-U file.")
        Path conllu;

        @Option(names = "--sample", description = "Score the sentence detector on the sample corpus gold.")
        boolean sample;

        @Option(names = "--audit-text", paramLabel = "DIR",
                description = "Run the sentence detector over the .txt files of this folder and count.")
        Path auditText;

        @Option(names = "--ndt", paramLabel = "DIR",
                description = "Score the names on the dev-part files of this treebank folder (never trained on).")
        Path ndt;

        @Option(names = "--split", defaultValue = "all", paramLabel = "SPLIT",
                description = "With --ndt, and with --conllu on the treebank's dev part (sentence boundaries per split): "
                        + "dev (odd files, tuned on), test (even files) or all (both, one by one).")
        String split;

        @Option(names = "--show", description = "Also print every missed/extra boundary (--sample) and every "
                + "case to check (--audit-text), with context.")
        boolean show;

        @Option(names = "--models", paramLabel = "DIR",
                description = "Evaluate the models in this folder instead of the bundled ones.")
        Path modelDir;

        /** Sentence boundaries per treebank split, when the file is the treebank's dev part (errors: dev only). */
        private void printSplits(NorwegianModels models) throws IOException {
            List<TreebankDocuments.Doc> docs;
            try {
                docs = TreebankDocuments.read(conllu);
            } catch (IllegalArgumentException e) {
                return; // another CoNLL-U file: no split
            } catch (IllegalStateException e) {
                System.err.println("no sentence figures per treebank split: " + e.getMessage());
                return;
            }
            for (String s : "all".equals(split) ? List.of("dev", "test") : List.of(split)) {
                Prf prf = SentenceSplitEvaluation.boundaries(TreebankDocuments.of(docs, s), models,
                        show && "dev".equals(s) ? System.out : null);
                System.out.println("sentence boundaries, treebank " + s + " files (paragraph-aware): " + prf);
            }
        }

        @Override
        public Integer call() {
            if (conllu == null && !sample && auditText == null && ndt == null) {
                System.err.println("evidens models eval: give --conllu FILE, --ndt DIR, --sample and/or --audit-text DIR");
                return 2;
            }
            if (conllu != null && !Files.isRegularFile(conllu)) {
                throw new IllegalArgumentException("no such file: " + conllu);
            }
            if (auditText != null && !Files.isDirectory(auditText)) {
                throw new IllegalArgumentException("no such folder: " + auditText);
            }
            try {
                NorwegianModels models = modelDir == null
                        ? NorwegianModels.shared() : NorwegianModels.fromDirectory(modelDir);
                if (conllu != null) {
                    System.out.println("== " + conllu);
                    ModelEvaluator.print(ModelEvaluator.evaluate(conllu, models), System.out);
                    printSplits(models);
                }
                if (ndt != null) {
                    for (String s : "all".equals(split) ? List.of("dev", "test") : List.of(split)) {
                        boolean errors = show && !"test".equals(s); // test errors are never printed
                        NameEvaluation.print(NameEvaluation.evaluate(NameEvaluation.files(ndt, s), models,
                                errors ? System.out : null), "== names, treebank dev part, split " + s, System.out);
                    }
                }
                if (sample) {
                    System.out.println("== sample corpus sentence gold");
                    SentenceGoldEvaluator.print(SentenceGoldEvaluator.evaluate(sampleGold(), models), show,
                            System.out);
                }
                if (auditText != null) {
                    System.out.println("== audit text " + auditText);
                    AuditTextCheck.print(AuditTextCheck.run(auditText, models), show, System.out);
                }
                return 0;
            } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                System.err.println("evidens models eval: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Print the model load time (cold) and sentences/s and tokens/s of sentence detector "
                    + "+ tokenizer + name finder over the sample corpus texts, beside a plain regex sentence "
                    + "splitter and tokenizer in the same run. Single thread.")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--models", paramLabel = "DIR",
                description = "Benchmark the models in this folder instead of the bundled ones.")
        Path modelDir;

        @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
                description = "Measuring time of each side (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--warmup", paramLabel = "S", defaultValue = "2",
                description = "Warm-up time of each side before measuring (default: ${DEFAULT-VALUE}).")
        double warmup;

        @Override
        public Integer call() {
            if (seconds < 0 || warmup < 0) {
                System.err.println("evidens models bench: --seconds and --warmup must not be negative");
                return 2;
            }
            try {
                List<String> texts = SentenceGold.sample().stream().map(SentenceGold.Document::text).toList();
                ModelBenchmark.Result result = ModelBenchmark.run(() -> {
                    try {
                        return modelDir == null ? NorwegianModels.shared() : NorwegianModels.fromDirectory(modelDir);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, texts, warmup, seconds);
                ModelBenchmark.print(result, System.out);
                return 0;
            } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
                System.err.println("evidens models bench: " + e.getMessage());
                return 1;
            }
        }
    }

    /** The sample corpus gold as the models module sees it. */
    static List<SentenceGoldEvaluator.GoldText> sampleGold() {
        List<SentenceGoldEvaluator.GoldText> out = new ArrayList<>();
        for (SentenceGold.Document doc : SentenceGold.sample()) {
            List<TaggedSpan> spans = doc.sentences().stream()
                    .map(s -> new TaggedSpan("SENTENCE", s.start(), s.end())).toList();
            out.add(new SentenceGoldEvaluator.GoldText(doc.document().path(), doc.text(), spans));
        }
        return out;
    }
}
