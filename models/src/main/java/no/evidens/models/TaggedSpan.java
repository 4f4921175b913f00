package no.evidens.models;

/**
 * A span of the analysed text: {@code text.substring(start, end)} is exactly the span.
 *
 * @param type  what the span is ({@code SENTENCE}, {@code TOKEN}, {@code PER}, {@code ORG}, {@code LOC}, …)
 * @param start first character, a Java String index into the analysed text
 * @param end   one past the last character
 */
public record TaggedSpan(String type, int start, int end) {
    public TaggedSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public String cut(String text) {
        return text.substring(start, end);
    }

    /** The index of the token in {@code tokens} that starts where this span starts (the last such), or -1. */
    public int firstTokenIn(java.util.List<TaggedSpan> tokens) {
        int first = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() == start) {
                first = k;
            }
        }
        return first;
    }

    /** The index of the token in {@code tokens} that ends where this span ends (the last such), or -1. */
    public int lastTokenIn(java.util.List<TaggedSpan> tokens) {
        int last = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).end() == end) {
                last = k;
            }
        }
        return last;
    }
}
