package no.evidens.evaluation.tags;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import no.evidens.models.codebook.Codebook;
import no.evidens.models.eval.Prf;
import no.evidens.models.indicator.IndicatorCategories;
import no.evidens.models.indicator.IndicatorClassifier;
import no.evidens.models.indicator.LabelledParagraph;
import no.evidens.models.indicator.ParagraphIndicators;
import no.evidens.models.tag.IndicatorMention;
import no.evidens.models.tag.IndicatorTagger;

/**
 * Paragraph-level indicator figures: each paragraph's set of categories against the gold's, micro
 * precision, recall and F1 over all (paragraph, category) pairs, and per category. Three deciders: the
 * codebook alone, the classifier alone, and both together as the product runs them
 * ({@link ParagraphIndicators}). The classifier is never scored on a paragraph it was trained on: on dev
 * it is cross-validated over three folds of the dev files (the own dev paragraphs always train), on test
 * it is trained on all of dev.
 */
public final class ParagraphIndicatorEval {
    /** The scores of one decider on one set of paragraphs. */
    public record Scores(Prf micro, Map<String, Prf> perCategory) {
        static Scores empty() {
            Map<String, Prf> per = new LinkedHashMap<>();
            IndicatorCategories.ALL.forEach(c -> per.put(c, new Prf()));
            return new Scores(new Prf(), per);
        }

        void add(String id, Set<String> gold, Set<String> predicted) {
            micro.add(gold.stream().map(c -> id + "|" + c).toList(), predicted.stream().map(c -> id + "|" + c).toList());
            for (Map.Entry<String, Prf> e : perCategory.entrySet()) {
                String c = e.getKey();
                e.getValue().add(gold.contains(c) ? List.of(id) : List.of(), predicted.contains(c) ? List.of(id) : List.of());
            }
        }
    }

    private static final int FOLDS = 3;

    private final Codebook codebook;
    private final IndicatorTagger tagger;

    public ParagraphIndicatorEval(Codebook codebook, IndicatorTagger tagger) {
        this.codebook = codebook;
        this.tagger = tagger;
    }

    /** The codebook's mentions of every paragraph. */
    public List<List<IndicatorMention>> mentions(List<LabelledParagraph> paragraphs) {
        return paragraphs.stream().map(p -> tagger.tag(p.text())).toList();
    }

    /** Trains the classifier on {@code train}. */
    public IndicatorClassifier train(List<LabelledParagraph> train) {
        List<Set<String>> cb = mentions(train).stream().map(m -> IndicatorCategories.of(codebook, m)).toList();
        return IndicatorClassifier.train(train, cb);
    }

    /** Scores [codebook, classifier, both] on {@code scored}, each paragraph by a classifier not trained on it. */
    public List<Scores> score(List<LabelledParagraph> scored, List<IndicatorClassifier> classifierOf,
                              PrintStream errors) {
        Scores book = Scores.empty();
        Scores model = Scores.empty();
        Scores both = Scores.empty();
        List<List<IndicatorMention>> mentions = mentions(scored);
        for (int i = 0; i < scored.size(); i++) {
            LabelledParagraph p = scored.get(i);
            Set<String> cb = IndicatorCategories.of(codebook, mentions.get(i));
            book.add(p.id(), p.labels(), cb);
            IndicatorClassifier c = classifierOf.get(i);
            Set<String> guessed = new TreeSet<>();
            c.guess(no.evidens.models.indicator.ParagraphFeatures.of(p.text(), cb), ParagraphIndicators.THRESHOLD)
                    .forEach(g -> guessed.add(g.category()));
            model.add(p.id(), p.labels(), guessed);
            List<ParagraphIndicators.Verdict> verdicts = new ParagraphIndicators(codebook, c).categorise(p.text(), mentions.get(i));
            Set<String> predicted = new TreeSet<>();
            verdicts.forEach(v -> predicted.add(v.category()));
            both.add(p.id(), p.labels(), predicted);
            if (errors != null && !predicted.equals(new TreeSet<>(p.labels()))) {
                Set<String> missed = new TreeSet<>(p.labels());
                missed.removeAll(predicted);
                List<String> wrong = new ArrayList<>();
                for (ParagraphIndicators.Verdict v : verdicts) {
                    if (!p.labels().contains(v.category())) {
                        wrong.add(v.category() + " (" + v.source() + " " + String.format(java.util.Locale.ROOT, "%.2f", v.confidence()) + " " + v.why() + ")");
                    }
                }
                errors.printf("  %s missed %s, wrong %s: %s%n", p.id(), missed, wrong,
                        p.text().length() > 160 ? p.text().substring(0, 160) + "…" : p.text());
            }
        }
        return List.of(book, model, both);
    }

    /** Cross-validated classifiers for the real dev paragraphs: fold by file, own dev paragraphs always train. */
    public List<IndicatorClassifier> crossValidated(List<LabelledParagraph> realDev, List<LabelledParagraph> ownDev) {
        List<IndicatorClassifier> folds = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            List<LabelledParagraph> train = new ArrayList<>(ownDev);
            realDev.stream().filter(p -> foldOf(p) != fold).forEach(train::add);
            folds.add(train(train));
        }
        return realDev.stream().map(p -> folds.get(foldOf(p))).toList();
    }

    private static int foldOf(LabelledParagraph p) {
        return (EvalDevParagraphs.fileNumber(p.id()) / 6) % FOLDS;
    }

    /** Prints one split's three deciders, and the per-category table of the product's decider. */
    public static void print(PrintStream out, String title, int paragraphs, List<Scores> scores) {
        out.printf("%s (%d paragraphs)%n", title, paragraphs);
        String[] names = {"codebook alone", "classifier alone", "codebook + classifier"};
        for (int i = 0; i < scores.size(); i++) {
            out.printf("  %-22s micro %s%n", names[i], scores.get(i).micro());
        }
        out.println("  per category (codebook + classifier; gold count, codebook F1 → combined P/R/F1):");
        Scores both = scores.get(2);
        for (String c : IndicatorCategories.ALL) {
            Prf p = both.perCategory().get(c);
            if (p.gold() == 0 && p.predicted() == 0) {
                continue;
            }
            out.printf(java.util.Locale.ROOT, "    %-22s gold %3d  codebook F1 %.3f  → P %.3f R %.3f F1 %.3f%n", c, p.gold(),
                    scores.get(0).perCategory().get(c).f1(), p.precision(), p.recall(), p.f1());
        }
    }

}
