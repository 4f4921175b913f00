package no.evidens.pipeline.normalise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replacements of ranges of a text, applied at once, with page starts carried over: a page that
 * began inside a removed range begins where the replacement ends.
 */
final class TextEdits {
    record Edit(int start, int end, String replacement) {
    }

    record Result(String text, List<Integer> pageStarts) {
    }

    private final List<Edit> edits = new ArrayList<>();

    void replace(int start, int end, String replacement) {
        edits.add(new Edit(start, end, replacement));
    }

    boolean isEmpty() {
        return edits.isEmpty();
    }

    /** Applies the edits (they must not overlap) to {@code text}. */
    Result apply(String text, List<Integer> pageStarts) {
        if (edits.isEmpty()) {
            return new Result(text, pageStarts);
        }
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(text.length());
        int[] oldStarts = pageStarts.stream().mapToInt(Integer::intValue).toArray();
        int[] newStarts = new int[oldStarts.length];
        int page = 0;
        int pos = 0;
        for (Edit e : sorted) {
            if (e.start() < pos) {
                throw new IllegalArgumentException("overlapping edits at " + e.start());
            }
            page = copy(text, pos, e.start(), out, oldStarts, newStarts, page);
            out.append(e.replacement());
            while (page < oldStarts.length && oldStarts[page] < e.end()) {
                newStarts[page++] = out.length();
            }
            pos = e.end();
        }
        page = copy(text, pos, text.length(), out, oldStarts, newStarts, page);
        while (page < oldStarts.length) {
            newStarts[page++] = out.length();
        }
        List<Integer> starts = new ArrayList<>(newStarts.length);
        for (int s : newStarts) {
            starts.add(s);
        }
        return new Result(out.toString(), starts);
    }

    private static int copy(String text, int from, int to, StringBuilder out, int[] oldStarts, int[] newStarts, int page) {
        int p = page;
        while (p < oldStarts.length && oldStarts[p] < to) {
            newStarts[p] = out.length() + Math.max(0, oldStarts[p] - from);
            p++;
        }
        out.append(text, from, to);
        return p;
    }
}
