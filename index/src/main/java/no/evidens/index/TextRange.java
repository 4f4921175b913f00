package no.evidens.index;

/** A range of a text, as Java {@code String} indices: {@code text.substring(start, end)}. */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("not a text range: " + start + "–" + end);
        }
    }
}
