package no.evidens.corpus;

import java.util.List;

/** Pages of an expected text, given where each page starts: shared by the sample and format documents. */
final class Pages {
    private Pages() {
    }

    /** The 1-based page that the character at {@code offset} lies on. */
    static int pageOf(List<Integer> pageStarts, String text, int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IndexOutOfBoundsException("offset " + offset + " outside 0.." + text.length());
        }
        int page = 1;
        for (int i = 1; i < pageStarts.size() && pageStarts.get(i) <= offset; i++) {
            page = i + 1;
        }
        return page;
    }

    /** The text of one page (1-based). */
    static String pageText(List<Integer> pageStarts, String text, int page) {
        if (page < 1 || page > pageStarts.size()) {
            throw new IndexOutOfBoundsException("page " + page + " outside 1.." + pageStarts.size());
        }
        int start = pageStarts.get(page - 1);
        int end = page < pageStarts.size() ? pageStarts.get(page) : text.length();
        return text.substring(start, end);
    }
}
