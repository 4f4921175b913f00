package no.evidens.models.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;

/**
 * Sentence boundaries on the treebank's dev part, a treebank file at a time ({@link TreebankDocuments}), so that
 * the detector can be tuned on the dev files and scored on the test files. Scored as {@link ModelEvaluator} does on
 * paragraph-aware text: sentence end offsets, exact match, the end of a text being no decision.
 */
public final class SentenceSplitEvaluation {
    private static final int CONTEXT = 45;

    private SentenceSplitEvaluation() {
    }

    /** Boundary precision, recall and F1 over {@code docs}; every miss and false break to {@code errors} when given. */
    public static Prf boundaries(List<TreebankDocuments.Doc> docs, NorwegianModels models, PrintStream errors) {
        Prf prf = new Prf();
        for (TreebankDocuments.Doc doc : docs) {
            String text = doc.text();
            List<Integer> gold = new ArrayList<>();
            int at = 0;
            for (ConlluReader.Sentence s : doc.document().sentences()) {
                at = text.indexOf(s.text(), at) + s.text().length();
                if (at < text.length()) {
                    gold.add(at);
                }
            }
            List<Integer> predicted = new ArrayList<>();
            for (TaggedSpan s : models.sentences(text)) {
                if (s.end() < text.length()) {
                    predicted.add(s.end());
                }
            }
            prf.add(gold, predicted);
            if (errors != null) {
                TreeSet<Integer> missed = new TreeSet<>(gold);
                missed.removeAll(predicted);
                TreeSet<Integer> extra = new TreeSet<>(predicted);
                extra.removeAll(gold);
                missed.forEach(i -> errors.printf("  %s missed %s%n", doc.id(), around(text, i)));
                extra.forEach(i -> errors.printf("  %s extra  %s%n", doc.id(), around(text, i)));
            }
        }
        return prf;
    }

    private static String around(String text, int at) {
        String left = text.substring(Math.max(0, at - CONTEXT), at);
        String right = text.substring(at, Math.min(text.length(), at + CONTEXT));
        return (left + " ‖ " + right).replace('\n', '¶');
    }
}
