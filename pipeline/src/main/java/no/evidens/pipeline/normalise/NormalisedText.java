package no.evidens.pipeline.normalise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The normalised text of a document: what every offset of Evidens points into. Paragraphs are
 * separated by one blank line ("\n\n"); inside a paragraph there are no line breaks.
 *
 * @param text       the normalised text
 * @param pageStarts offsets where pages 1, 2, … begin (first is 0)
 * @param furniture  [start, end) paragraphs that the normaliser took for running headers or footers but
 *                   left in the text (short, and opening or closing more than one page): the taggers read
 *                   no quotation there. The furniture it was sure of is gone from the text already.
 */
public record NormalisedText(String text, List<Integer> pageStarts, List<int[]> furniture) {
    public static final String PARAGRAPH_BREAK = "\n\n";

    public NormalisedText {
        pageStarts = List.copyOf(pageStarts);
        furniture = furniture.stream().map(int[]::clone).toList();
    }

    /** A text without page furniture (one that did not come from a page layout, such as gold data). */
    public NormalisedText(String text, List<Integer> pageStarts) {
        this(text, pageStarts, List.of());
    }

    public int pages() {
        return pageStarts.size();
    }

    /** The page (from 1) that the character at {@code offset} stands on. */
    public int pageOf(int offset) {
        int i = Collections.binarySearch(pageStarts, offset);
        return i >= 0 ? lastPageStartingAt(i) + 1 : -i - 1;
    }

    private int lastPageStartingAt(int i) {
        // Empty pages share their start with the next page; the character belongs to the last of them.
        int j = i;
        while (j + 1 < pageStarts.size() && pageStarts.get(j + 1).equals(pageStarts.get(i))) {
            j++;
        }
        return j;
    }

    /** The paragraphs as [start, end) offset pairs. */
    public List<int[]> paragraphs() {
        return paragraphs(text);
    }

    /** The paragraphs of a normalised text as [start, end) offset pairs. */
    public static List<int[]> paragraphs(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int brk = text.indexOf(PARAGRAPH_BREAK, start);
            int end = brk < 0 ? text.length() : brk;
            if (end > start) {
                out.add(new int[] {start, end});
            }
            start = end + PARAGRAPH_BREAK.length();
        }
        return out;
    }
}
