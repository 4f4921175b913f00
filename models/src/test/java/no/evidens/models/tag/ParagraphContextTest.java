package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which mentions of a conditioned indicator stay: those whose paragraph holds a match of the indicator's context. */
class ParagraphContextTest {
    /** A list that counts how often its elements are read. */
    private static final class CountedReads<T> extends AbstractList<T> {
        private final List<T> items;
        long reads;

        CountedReads(List<T> items) {
            this.items = items;
        }

        @Override
        public T get(int i) {
            reads++;
            return items.get(i);
        }

        @Override
        public int size() {
            return items.size();
        }
    }

    @Test
    void aMentionsParagraphIsLookedUpNotSearchedForEachMention() {
        int n = 2_000;
        List<int[]> paragraphs = new ArrayList<>();
        List<IndicatorMention> mentions = new ArrayList<>();
        List<IndicatorMention> expected = new ArrayList<>();
        ParagraphContext context = new ParagraphContext();
        context.conditioned("utredning-og-oppfolging");
        for (int k = 0; k < n; k++) {
            int start = k * 100;
            paragraphs.add(new int[] {start, start + 98});
            IndicatorMention m = new IndicatorMention("utredning-og-oppfolging", start + 40, start + 50,
                    IndicatorMention.PATTERN, "undersøkelse");
            mentions.add(m);
            IndicatorMention free = new IndicatorMention("samtykke", start + 60, start + 68, IndicatorMention.PATTERN,
                    "samtykke");
            mentions.add(free);
            if (k % 3 == 0) {
                context.matched("utredning-og-oppfolging", start + 5); // a child named in this paragraph
            } else if (k % 3 == 1) {
                context.matched("samtykke", start + 5); // another indicator's context: does not count
            }
            if (k % 3 == 0) {
                expected.add(m);
            }
            expected.add(free);
        }
        CountedReads<int[]> counted = new CountedReads<>(paragraphs);
        List<IndicatorMention> kept = context.keep(counted, n * 100, mentions);
        assertEquals(expected, kept);
        // finding each mention's paragraph among all 2,000 read them about 2,000,000 times
        assertTrue(counted.reads <= 20L * n, counted.reads + " reads of " + n + " paragraphs");
    }

    @Test
    void aMentionBetweenParagraphsCountsAnyMatchOfItsContextInTheText() {
        ParagraphContext context = new ParagraphContext();
        context.conditioned("utredning-og-oppfolging");
        context.matched("utredning-og-oppfolging", 150);
        IndicatorMention between = new IndicatorMention("utredning-og-oppfolging", 55, 58, IndicatorMention.PATTERN, "x");
        IndicatorMention inFirst = new IndicatorMention("utredning-og-oppfolging", 10, 20, IndicatorMention.PATTERN, "x");
        List<int[]> paragraphs = List.of(new int[] {0, 50}, new int[] {100, 200});
        assertEquals(List.of(between), context.keep(paragraphs, 200, List.of(inFirst, between)));
    }
}
