package no.evidens.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed sample source text: paragraphs separated by blank lines, wrapped lines joined by single
 * spaces, and a line {@value #PAGE_BREAK} forcing a page break (honoured by paginated formats only).
 * The first paragraph is the title.
 *
 * @param paragraphs  the paragraphs, each a single line
 * @param breaksBefore indices of paragraphs that must start on a new page
 */
record SourceText(List<String> paragraphs, Set<Integer> breaksBefore) {

    static final String PAGE_BREAK = "<<<SIDESKIFT>>>";

    SourceText {
        paragraphs = List.copyOf(paragraphs);
        breaksBefore = Set.copyOf(breaksBefore);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("a source text needs at least a title paragraph");
        }
    }

    static SourceText parse(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        List<String> paragraphs = new ArrayList<>();
        Set<Integer> breaks = new TreeSet<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.equals(PAGE_BREAK)) {
                if (current.length() > 0) {
                    paragraphs.add(current.toString());
                    current.setLength(0);
                }
                if (trimmed.equals(PAGE_BREAK)) {
                    breaks.add(paragraphs.size());
                }
                continue;
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(trimmed.replaceAll("\\s+", " "));
        }
        if (current.length() > 0) {
            paragraphs.add(current.toString());
        }
        // A break before the first paragraph or after the last one has no effect.
        breaks.remove(0);
        breaks.removeIf(i -> i >= paragraphs.size());
        return new SourceText(paragraphs, breaks);
    }

    String title() {
        return paragraphs.get(0);
    }

    List<String> body() {
        return paragraphs.subList(1, paragraphs.size());
    }

    /** Paragraphs joined with a blank line, no trailing newline. */
    String expectedText() {
        return String.join("\n\n", paragraphs);
    }

    /** Offset of each paragraph in {@link #expectedText()}. */
    int[] paragraphOffsets() {
        int[] offsets = new int[paragraphs.size()];
        int pos = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            offsets[i] = pos;
            pos += paragraphs.get(i).length() + 2;
        }
        return offsets;
    }
}
