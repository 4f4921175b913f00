package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import no.evidens.models.indicator.ParagraphIndicators;

/**
 * The {@code context} condition of indicators over one text: where each indicator's context patterns
 * matched, and which mentions stand in a paragraph holding such a match (a child's investigation needs a
 * child or young person in the paragraph, not just the word). Not thread-safe: one per tagging call.
 */
final class ParagraphContext {
    private final Set<String> conditioned = new HashSet<>();
    private final List<Integer> at = new ArrayList<>();
    private final List<String> of = new ArrayList<>();

    /** Marks {@code indicator} as one with a context, whether or not it matched anywhere. */
    void conditioned(String indicator) {
        conditioned.add(indicator);
    }

    /** A match of one of {@code indicator}'s context patterns at text offset {@code offset}. */
    void matched(String indicator, int offset) {
        at.add(offset);
        of.add(indicator);
    }

    /** The mentions without those of a conditioned indicator whose paragraph holds no match of its context. */
    List<IndicatorMention> keep(String text, List<IndicatorMention> mentions) {
        if (conditioned.isEmpty()) {
            return mentions;
        }
        List<int[]> paragraphs = ParagraphIndicators.paragraphs(text);
        List<IndicatorMention> kept = new ArrayList<>(mentions.size());
        for (IndicatorMention m : mentions) {
            if (!conditioned.contains(m.id()) || inContext(m, paragraphs, text.length())) {
                kept.add(m);
            }
        }
        return kept;
    }

    private boolean inContext(IndicatorMention m, List<int[]> paragraphs, int length) {
        int[] para = paragraphs.stream().filter(p -> p[0] <= m.start() && m.start() < p[1]).findFirst()
                .orElse(new int[] {0, length});
        for (int i = 0; i < at.size(); i++) {
            if (of.get(i).equals(m.id()) && para[0] <= at.get(i) && at.get(i) < para[1]) {
                return true;
            }
        }
        return false;
    }
}
