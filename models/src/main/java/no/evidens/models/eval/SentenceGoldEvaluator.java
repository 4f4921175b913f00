package no.evidens.models.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;

/**
 * Sentence detection scored against hand-written gold sentences of whole documents (the sample corpus's
 * sentence gold). The detector runs on each full text as the pipeline does.
 *
 * <ul>
 *   <li><b>boundaries</b>: sentence end offsets (exact), the end of the text not counted;</li>
 *   <li><b>in-paragraph boundaries</b>: only the boundaries followed, before the next sentence, by white
 *       space without a line break: the decisions the statistical detector and its rules make, as
 *       opposed to paragraph ends, which the blank line gives away;</li>
 *   <li><b>spans</b>: whole sentence spans (exact start and end).</li>
 * </ul>
 * Each missed and each extra boundary is kept with its context, for reading.
 */
public final class SentenceGoldEvaluator {

    /** One gold document: its text and its gold sentences (offsets into it). */
    public record GoldText(String name, String text, List<TaggedSpan> sentences) {
        public GoldText {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
            sentences = List.copyOf(sentences);
        }
    }

    /** The figures, and every disagreement as {@code name: …left ‖ right…}. */
    public record Report(int documents, int goldSentences, int predictedSentences, Prf boundaries,
                         Prf inParagraphBoundaries, Prf spans, List<String> missed, List<String> extra,
                         int extraAtColon) {
    }

    private static final int CONTEXT = 40;

    private SentenceGoldEvaluator() {
    }

    public static Report evaluate(List<GoldText> documents, NorwegianModels models) {
        Prf boundaries = new Prf();
        Prf inParagraph = new Prf();
        Prf spans = new Prf();
        List<String> missed = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        int gold = 0;
        int predictedCount = 0;
        int extraAtColon = 0;
        for (GoldText doc : documents) {
            List<TaggedSpan> predicted = models.sentences(doc.text());
            gold += doc.sentences().size();
            predictedCount += predicted.size();
            TreeSet<Integer> goldEnds = ends(doc.sentences(), doc.text().length());
            TreeSet<Integer> predictedEnds = ends(predicted, doc.text().length());
            boundaries.add(goldEnds, predictedEnds);
            inParagraph.add(inParagraph(goldEnds, doc.text()), inParagraph(predictedEnds, doc.text()));
            spans.add(withoutType(doc.sentences()), withoutType(predicted));
            for (int end : goldEnds) {
                if (!predictedEnds.contains(end)) {
                    missed.add(doc.name() + ": " + context(doc.text(), end));
                }
            }
            for (int end : predictedEnds) {
                if (!goldEnds.contains(end)) {
                    extra.add(doc.name() + ": " + context(doc.text(), end));
                    if (doc.text().charAt(end - 1) == ':') {
                        extraAtColon++;
                    }
                }
            }
        }
        return new Report(documents.size(), gold, predictedCount, boundaries, inParagraph, spans,
                List.copyOf(missed), List.copyOf(extra), extraAtColon);
    }

    /** Prints the figures and, if asked, every missed and extra boundary. */
    public static void print(Report r, boolean showErrors, PrintStream out) {
        out.printf("documents %d, gold sentences %d, predicted sentences %d%n",
                r.documents(), r.goldSentences(), r.predictedSentences());
        out.println("sentence boundaries (all)         : " + r.boundaries());
        out.println("sentence boundaries (in paragraph): " + r.inParagraphBoundaries());
        out.println("sentence spans                    : " + r.spans());
        out.printf("missed boundaries %d, extra boundaries %d (%d of them right after a colon)%n",
                r.missed().size(), r.extra().size(), r.extraAtColon());
        if (showErrors) {
            r.missed().forEach(m -> out.println("  missed  " + m));
            r.extra().forEach(e -> out.println("  extra   " + e));
        }
    }

    private static TreeSet<Integer> ends(List<TaggedSpan> sentences, int textLength) {
        TreeSet<Integer> out = new TreeSet<>();
        for (TaggedSpan s : sentences) {
            if (s.end() < textLength) {
                out.add(s.end());
            }
        }
        return out;
    }

    /** The boundaries whose following white space holds no line break. */
    private static List<Integer> inParagraph(TreeSet<Integer> ends, String text) {
        List<Integer> out = new ArrayList<>();
        for (int end : ends) {
            int i = end;
            boolean lineBreak = false;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                lineBreak |= text.charAt(i) == '\n';
                i++;
            }
            if (!lineBreak && i < text.length()) {
                out.add(end);
            }
        }
        return out;
    }

    private static List<TaggedSpan> withoutType(List<TaggedSpan> spans) {
        return spans.stream().map(s -> new TaggedSpan("SENTENCE", s.start(), s.end())).toList();
    }

    /** {@code …left ‖ right…} around an offset, on one line. */
    static String context(String text, int offset) {
        String left = text.substring(Math.max(0, offset - CONTEXT), offset);
        String right = text.substring(offset, Math.min(text.length(), offset + CONTEXT));
        return ("…" + left + " ‖ " + right.strip() + "…").replaceAll("\\s+", " ");
    }
}
