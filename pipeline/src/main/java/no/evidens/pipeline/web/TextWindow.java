package no.evidens.pipeline.web;

/**
 * The part {@code [from, to)} of a document's text that the reader asks for at a time ({@code GET /api/document} with
 * {@code from} or {@code around}). A window asked for by its start begins there exactly, so that the next one, asked from
 * this one's end, meets it; its end is moved on to the end of its line (at most {@link #REACH} characters) so that no line
 * is cut. A window around an offset is centred on it and begins at the start of its line, found the same way.
 *
 * @param from the first character's offset in the document's text
 * @param to   the offset after the last character (at most the text's length)
 */
record TextWindow(int from, int to) {
    /** The reader's window when it names none: about 200,000 characters, a few hundred kilobytes of JSON. */
    static final int DEFAULT_SIZE = 200_000;
    static final int MIN_SIZE = 1_000;
    static final int MAX_SIZE = 2_000_000;
    /** How far a window's edge is moved to the edge of its line. */
    static final int REACH = 2_000;

    /** The window of {@code size} characters starting at {@code from} (the text's end when past it). */
    static TextWindow from(String text, int from, int size) {
        int start = Math.min(from, text.length());
        return new TextWindow(start, lineEnd(text, (int) Math.min(text.length(), (long) start + size)));
    }

    /** The window of about {@code size} characters with {@code offset} in its middle. */
    static TextWindow around(String text, int offset, int size) {
        int at = Math.min(offset, text.length());
        int start = lineStart(text, Math.max(0, at - size / 2));
        return new TextWindow(start, lineEnd(text, (int) Math.min(text.length(), (long) start + size)));
    }

    private static int lineStart(String text, int at) {
        int nl = text.lastIndexOf('\n', at - 1);
        return nl >= 0 && at - nl - 1 <= REACH ? nl + 1 : at;
    }

    private static int lineEnd(String text, int at) {
        if (at >= text.length()) {
            return text.length();
        }
        if (at > 0 && text.charAt(at - 1) == '\n') {
            return at;
        }
        int nl = text.indexOf('\n', at);
        return nl >= 0 && nl - at < REACH ? nl + 1 : at;
    }

    /** The window's text. */
    String of(String text) {
        return text.substring(from, to);
    }
}
