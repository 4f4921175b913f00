package no.evidens.pipeline.passages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The spans of one kind (quotations, indicator mentions, legal references) of a document, found by where they start: the
 * spans that start inside a passage are looked up by binary search, so that building a document's passages reads each
 * span about once rather than once per passage (a text of 18 million characters has some 100,000 passages and as many
 * indicator mentions). The spans come back in the order the tagger gave them, as a filter of the whole list would.
 */
final class SpansByStart<T> {
    private final List<T> spans;
    /** The spans' positions in {@link #spans}, ordered by start (ties in the tagger's order). */
    private final int[] byStart;
    private final int[] starts;

    SpansByStart(List<T> spans, ToIntFunction<T> start) {
        this.spans = List.copyOf(spans);
        int n = this.spans.size();
        int[] begin = new int[n];
        for (int i = 0; i < n; i++) {
            begin[i] = start.applyAsInt(this.spans.get(i));
        }
        this.byStart = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingInt(i -> begin[i])).mapToInt(Integer::intValue).toArray();
        this.starts = new int[n];
        for (int k = 0; k < n; k++) {
            starts[k] = begin[byStart[k]];
        }
    }

    /** The spans that start at {@code from} or after and before {@code to}, in the tagger's order. */
    List<T> startingIn(int from, int to) {
        int first = firstAtOrAfter(from);
        int last = firstAtOrAfter(to);
        if (first >= last) {
            return List.of();
        }
        int[] positions = Arrays.copyOfRange(byStart, first, last);
        Arrays.sort(positions);
        List<T> out = new ArrayList<>(positions.length);
        for (int p : positions) {
            out.add(spans.get(p));
        }
        return out;
    }

    private int firstAtOrAfter(int offset) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
