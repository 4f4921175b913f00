package no.evidens.models.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.train.Detokenizer;
import no.evidens.models.train.HoldOutNames;
import no.evidens.models.train.ModelTrainer;
import no.evidens.models.train.NdtReader;
import no.evidens.models.train.NdtSentence;
import no.evidens.models.train.NdtToken;
import no.evidens.models.train.UdSplit;
import opennlp.tools.util.Span;

/**
 * Typed name figures (PER, ORG, LOC: exact span and type) on the dev part of the treebank folder, one
 * file = one document, so that document-level name repair is measured as it runs. The name model never
 * trained on these files ({@link UdSplit}). Split for honest tuning: the dev-part files in name order,
 * alternately {@code dev} (1st, 3rd, …: looked at while developing) and {@code test} (2nd, 4th, …: scored only).
 */
public final class NameEvaluation {
    /** The split of the held-out train-part files. */
    public static final String HOLDOUT = "holdout";

    /** The split of the held-out train-part files of the second fold. */
    public static final String HOLDOUT2 = "holdout2";

    /** The split of the held-out train-part files of the third fold. */
    public static final String HOLDOUT3 = "holdout3";

    /** Whether a split names held-out train-part files (any fold: {@code holdout}, {@code holdout2} … {@code holdout6}). */
    public static boolean isHoldout(String split) {
        if (HOLDOUT.equals(split)) {
            return true;
        }
        if (split == null || !split.matches(HOLDOUT + "[2-9]")) {
            return false;
        }
        return Integer.parseInt(split.substring(HOLDOUT.length())) <= HoldOutNames.FOLDS;
    }

    /** The hold-out fold a split names: 1 for {@code holdout}, 2 for {@code holdout2}, …, 6 for {@code holdout6}. */
    public static int fold(String split) {
        return HOLDOUT.equals(split) ? 1 : Integer.parseInt(split.substring(HOLDOUT.length()));
    }

    private NameEvaluation() {
    }

    /**
     * The dev-part files of one split ({@code dev}, {@code test} or {@code all}), or with {@code holdout} ({@code
     * holdout2} … {@code holdout6}) the train-part files {@link HoldOutNames} holds out in fold 1 (2 … 6) (dev material only when the models
     * were trained without them).
     */
    public static List<Path> files(Path ndtDir, String split) throws IOException {
        if (isHoldout(split)) {
            return HoldOutNames.held(ndtDir, fold(split));
        }
        List<Path> devPart;
        try (Stream<Path> s = Files.list(ndtDir)) {
            devPart = s.filter(p -> p.getFileName().toString().endsWith(".conll")).filter(p -> !UdSplit.isTrain(p))
                    .sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < devPart.size(); i++) {
            if ("all".equals(split) || ("dev".equals(split) == (i % 2 == 0))) {
                out.add(devPart.get(i));
            }
        }
        return out;
    }

    /**
     * A treebank file's genre: its name up to the first digit ({@code ap}, {@code db}, {@code blogg-bm}, {@code sp-bm}, …;
     * the treebank's README gives the genre of each prefix).
     */
    public static String genre(Path file) {
        String name = file.getFileName().toString();
        int i = 0;
        while (i < name.length() && !Character.isDigit(name.charAt(i))) {
            i++;
        }
        return name.substring(0, i);
    }

    /** The genres of a split's files (from their names only), in name order. */
    public static List<String> genres(Path ndtDir, String split) throws IOException {
        return files(ndtDir, split).stream().map(NameEvaluation::genre).distinct().toList();
    }

    /** Scores per type and overall, on our own tokens (what users get). */
    public static Map<String, Prf> evaluate(List<Path> files, NorwegianModels models, PrintStream errors)
            throws IOException {
        Map<String, Prf> out = new LinkedHashMap<>();
        ModelEvaluator.TYPES.forEach(t -> out.put(t, new Prf()));
        out.put("overall", new Prf());
        for (Path file : files) {
            List<String> texts = new ArrayList<>();
            List<List<TaggedSpan>> tokens = new ArrayList<>();
            List<List<TaggedSpan>> gold = new ArrayList<>();
            for (NdtSentence sentence : NdtReader.read(file)) {
                List<String> forms = sentence.tokens().stream().map(NdtToken::form).toList();
                Detokenizer.Rebuilt rebuilt = Detokenizer.rebuild(forms);
                List<TaggedSpan> names = new ArrayList<>();
                for (Span n : ModelTrainer.nameSpans(sentence)) {
                    Span a = rebuilt.spans()[n.getStart()];
                    Span b = rebuilt.spans()[n.getEnd() - 1];
                    if (a != null && b != null) {
                        names.add(new TaggedSpan(n.getType(), a.getStart(), b.getEnd()));
                    }
                }
                texts.add(rebuilt.text());
                tokens.add(models.tokensOfSentence(rebuilt.text()));
                gold.add(names);
            }
            List<List<TaggedSpan>> found = models.namesOfDocument(texts, tokens);
            for (int i = 0; i < texts.size(); i++) {
                for (String type : ModelEvaluator.TYPES) {
                    out.get(type).add(gold.get(i).stream().filter(s -> s.type().equals(type)).toList(),
                            found.get(i).stream().filter(s -> s.type().equals(type)).toList());
                }
                out.get("overall").add(gold.get(i), found.get(i));
                if (errors != null) {
                    printErrors(errors, file, texts.get(i), gold.get(i), found.get(i));
                }
            }
        }
        return out;
    }

    private static void printErrors(PrintStream errors, Path file, String text, List<TaggedSpan> gold,
                                    List<TaggedSpan> found) {
        for (TaggedSpan g : gold) {
            if (!found.contains(g)) {
                errors.printf("  MISSED %s %s [%s] %d-%d  …%s…%n", file.getFileName(), g.type(), g.cut(text), g.start(), g.end(),
                        context(text, g));
            }
        }
        for (TaggedSpan f : found) {
            if (!gold.contains(f)) {
                errors.printf("  FALSE  %s %s [%s] %d-%d  …%s…%n", file.getFileName(), f.type(), f.cut(text), f.start(), f.end(),
                        context(text, f));
            }
        }
    }

    /** Up to 40 characters either side of a name, the name in brackets: printed with the errors, never stored. */
    private static String context(String text, TaggedSpan s) {
        int from = Math.max(0, s.start() - 40);
        int to = Math.min(text.length(), s.end() + 40);
        return text.substring(from, s.start()) + "[" + s.cut(text) + "]" + text.substring(s.end(), to);
    }

    public static void print(Map<String, Prf> scores, String title, PrintStream out) {
        out.println(title);
        scores.forEach((type, prf) -> out.printf("  names %-8s %s%n", type, prf));
    }
}
