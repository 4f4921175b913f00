package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.evidens.models.indicator.ParagraphIndicators;

/**
 * The {@code context} condition of indicators over one text: where each indicator's context patterns
 * matched, and which mentions stand in a paragraph holding such a match (a child's investigation needs a
 * child or young person in the paragraph, not just the word). Not thread-safe: one per tagging call.
 */
final class ParagraphContext {
    private final Set<String> conditioned = new HashSet<>();
    /** Where each conditioned indicator's context matched, in the order found. */
    private final Map<String, List<Integer>> matches = new HashMap<>();

    /** Marks {@code indicator} as one with a context, whether or not it matched anywhere. */
    void conditioned(String indicator) {
        conditioned.add(indicator);
    }

    /** A match of one of {@code indicator}'s context patterns at text offset {@code offset}. */
    void matched(String indicator, int offset) {
        matches.computeIfAbsent(indicator, k -> new ArrayList<>()).add(offset);
    }

    /** The mentions without those of a conditioned indicator whose paragraph holds no match of its context. */
    List<IndicatorMention> keep(String text, List<IndicatorMention> mentions) {
        if (conditioned.isEmpty()) {
            return mentions;
        }
        return keep(ParagraphIndicators.paragraphs(text), text.length(), mentions);
    }

    /**
     * As {@link #keep(String, List)}, with the text's paragraphs (in text order, none overlapping) and length given.
     * A mention's paragraph is found by binary search, and a context match in it by binary search among its
     * indicator's matches: a scan of every paragraph and every match for each mention grew with mentions × paragraphs
     * on a long text (a case-system log of 70,000 paragraphs).
     */
    List<IndicatorMention> keep(List<int[]> paragraphs, int length, List<IndicatorMention> mentions) {
        Map<String, int[]> sorted = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : matches.entrySet()) {
            int[] at = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(at);
            sorted.put(e.getKey(), at);
        }
        List<IndicatorMention> kept = new ArrayList<>(mentions.size());
        for (IndicatorMention m : mentions) {
            if (!conditioned.contains(m.id()) || inContext(m, paragraphs, length, sorted.get(m.id()))) {
                kept.add(m);
            }
        }
        return kept;
    }

    private static boolean inContext(IndicatorMention m, List<int[]> paragraphs, int length, int[] at) {
        if (at == null) {
            return false;
        }
        int[] para = paragraphOf(paragraphs, m.start());
        if (para == null) {
            para = new int[] {0, length};
        }
        int k = Arrays.binarySearch(at, para[0]);
        if (k < 0) {
            k = -k - 1;
        }
        return k < at.length && at[k] < para[1];
    }

    /** The paragraph holding {@code offset}, or null when it stands between paragraphs. */
    private static int[] paragraphOf(List<int[]> paragraphs, int offset) {
        int lo = 0;
        int hi = paragraphs.size();
        while (lo < hi) { // the first paragraph starting after offset
            int mid = (lo + hi) >>> 1;
            if (paragraphs.get(mid)[0] <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return null;
        }
        int[] p = paragraphs.get(lo - 1);
        return offset < p[1] ? p : null;
    }
}
