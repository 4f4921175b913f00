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
}
