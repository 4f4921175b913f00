package no.evidens.models.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.codebook.Codebook;
import no.evidens.models.tag.IndicatorMention;

/**
 * The indicator categories of one paragraph, each with why: the codebook's patterns (precise,
 * explainable) and, where they are silent, the {@link IndicatorClassifier} (recall), which sees the
 * codebook's findings among its features. A codebook category stays unless the classifier, having seen
 * that very pattern, gives it less than {@link #VETO}: the boilerplate the patterns cannot tell apart.
 */
public final class ParagraphIndicators {
    /** Classifier probability from which a category the codebook did not find is given. */
    public static final double THRESHOLD = 0.4;
    /** Below this classifier probability a codebook category is dropped (0 keeps every codebook hit). */
    public static final double VETO = 0.0;

    /**
     * One category of a paragraph.
     *
     * @param category   one of {@link IndicatorCategories#ALL} (or a user indicator's own)
     * @param source     {@link IndicatorMention#PATTERN} or {@link IndicatorMention#MODEL}
     * @param confidence 1 for a pattern, the classifier's probability for the model
     * @param why        the patterns that matched, or the classifier's strongest features
     */
    public record Verdict(String category, String source, double confidence, List<String> why) {
    }

    /** A paragraph break: a line break, then one or more lines of white space only, then a line break. */
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u00A0\\r]*\\n(?:[ \\t\\u00A0\\r]*\\n)*");

    private final Codebook codebook;
    private final IndicatorClassifier classifier;
    private final double threshold;
    private final double veto;

    /** {@code classifier} may be null: then the codebook alone decides. */
    public ParagraphIndicators(Codebook codebook, IndicatorClassifier classifier, double threshold, double veto) {
        this.codebook = codebook;
        this.classifier = classifier;
        this.threshold = threshold;
        this.veto = veto;
    }

    public ParagraphIndicators(Codebook codebook, IndicatorClassifier classifier) {
        this(codebook, classifier, THRESHOLD, VETO);
    }

    /** The verdicts for a paragraph whose codebook mentions are known, in category order of first finding. */
    public List<Verdict> categorise(String paragraph, List<IndicatorMention> mentions) {
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        for (IndicatorMention m : mentions) {
            List<String> why = byCategory.computeIfAbsent(IndicatorCategories.categoryOf(codebook, m.id()),
                    c -> new ArrayList<>());
            if (!why.contains(m.pattern())) {
                why.add(m.pattern());
            }
        }
        Set<String> found = byCategory.keySet();
        List<Verdict> out = new ArrayList<>();
        Map<String, Double> probabilities = Map.of();
        // Numbered straight from the words where every model allows it, else as strings.
        SharedPredicates.Numbered numbered = classifier == null ? null : classifier.number(paragraph, found);
        String[] features = classifier == null || numbered != null ? null : ParagraphFeatures.of(paragraph, found);
        boolean child = numbered != null ? numbered.child()
                : features != null && java.util.Arrays.asList(features).contains(ParagraphFeatures.CHILD_NAMED);
        List<IndicatorClassifier.Guess> guesses = List.of();
        if (classifier != null) {
            // Only a guess given below is explained: not one the codebook found, nor one that needs a child not named.
            Predicate<String> explain = category -> !found.contains(category) && (child || !needsChild(category));
            // With no veto (the default) a probability under the threshold decides nothing: such a category's probability
            // need not be worked out (a codebook category stays whatever it is, and no guess is given).
            IndicatorClassifier.Assessment assessment = numbered != null
                    ? classifier.assess(numbered, threshold, explain, veto <= 0)
                    : classifier.assess(features, threshold, explain);
            probabilities = assessment.probabilities();
            guesses = assessment.guesses();
        }
        for (Map.Entry<String, List<String>> e : byCategory.entrySet()) {
            Double p = probabilities.get(e.getKey());
            if (p == null || p >= veto) {
                out.add(new Verdict(e.getKey(), IndicatorMention.PATTERN, 1.0, List.copyOf(e.getValue())));
            }
        }
        if (classifier != null) {
            for (IndicatorClassifier.Guess g : guesses) {
                if (!found.contains(g.category()) && (child || !needsChild(g.category()))) {
                    out.add(new Verdict(g.category(), IndicatorMention.MODEL, g.probability(), g.features()));
                }
            }
        }
        return out;
    }

    /**
     * Whether a category's codebook indicators count only with a {@code context} (a child or young person)
     * in the paragraph: then the classifier may not give it to a paragraph that names none either.
     */
    private boolean needsChild(String category) {
        return codebook.indicators().stream()
                .anyMatch(d -> category.equals(IndicatorCategories.categoryOf(codebook, d.id())) && !d.context().isEmpty());
    }

    /**
     * The paragraphs of a text as {start, end} pairs: split at blank lines (lines of spaces, tabs or
     * no-break spaces count as blank), each trimmed, empty ones left out; the unit the categories are
     * given for, as in the supervisors' labelled paragraphs.
     */
    public static List<int[]> paragraphs(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = BLANK_LINES.matcher(text);
        int at = 0;
        while (m.find()) {
            addTrimmed(text, at, m.start(), out);
            at = m.end();
        }
        addTrimmed(text, at, text.length(), out);
        return out;
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> out) {
        while (start < end && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\u00A0')) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == '\u00A0')) {
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end});
        }
    }
}
