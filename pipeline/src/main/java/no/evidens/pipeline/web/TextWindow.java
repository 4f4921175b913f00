package no.evidens.pipeline.web;

import no.evidens.index.DocumentPart;

/**
 * The part {@code [from, to)} of a document's text that the reader asks for at a time ({@code GET /api/document} with
 * {@code from} or {@code around}). A window asked for by its start begins there exactly, so that the next one, asked from
 * this one's end, meets it; its end is moved on to the end of its line (at most {@link #REACH} characters) so that no line
 * is cut. A window around an offset is centred on it and begins at the start of its line, found the same way.
 * <p>
 * It is found on the whole text or on a part of it read around the window ({@link #reachFrom}, {@link #reachAround}): what
 * an index on SolrCloud sends of a large document.
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
        return from(new DocumentPartText(text, 0, text.length()), from, size);
    }

    /** The window of about {@code size} characters with {@code offset} in its middle. */
    static TextWindow around(String text, int offset, int size) {
        return around(new DocumentPartText(text, 0, text.length()), offset, size);
    }

    /** {@link #from(String, int, int)} on a part of the text that holds at least {@link #reachFrom}. */
    static TextWindow from(DocumentPart part, int from, int size) {
        return from(DocumentPartText.of(part), from, size);
    }

    /** {@link #around(String, int, int)} on a part of the text that holds at least {@link #reachAround}. */
    static TextWindow around(DocumentPart part, int offset, int size) {
        return around(DocumentPartText.of(part), offset, size);
    }

    /** The characters {@code [from, to)} that the window from {@code from} is found in. */
    static int[] reachFrom(int from, int size) {
        return new int[] {from, (int) Math.min(Integer.MAX_VALUE, (long) from + size + REACH + 1)};
    }

    /** The characters that the window around {@code offset} is found in, when the text reaches that far. */
    static int[] reachAround(int offset, int size) {
        int start = Math.max(0, offset - size / 2);
        return new int[] {Math.max(0, start - REACH - 1), (int) Math.min(Integer.MAX_VALUE, (long) start + size + REACH + 1)};
    }

    private static TextWindow from(DocumentPartText text, int from, int size) {
        int start = Math.min(from, text.length);
        return new TextWindow(start, lineEnd(text, (int) Math.min(text.length, (long) start + size)));
    }

    private static TextWindow around(DocumentPartText text, int offset, int size) {
        int at = Math.min(offset, text.length);
        int start = lineStart(text, Math.max(0, at - size / 2));
        return new TextWindow(start, lineEnd(text, (int) Math.min(text.length, (long) start + size)));
    }

    private static int lineStart(DocumentPartText text, int at) {
        int nl = text.lastLineBreak(at - 1);
        return nl >= 0 && at - nl - 1 <= REACH ? nl + 1 : at;
    }

    private static int lineEnd(DocumentPartText text, int at) {
        if (at >= text.length) {
            return text.length;
        }
        if (at > 0 && text.charAt(at - 1) == '\n') {
            return at;
        }
        int nl = text.nextLineBreak(at);
        return nl >= 0 && nl - at < REACH ? nl + 1 : at;
    }

    /** The window's text. */
    String of(String text) {
        return text.substring(from, to);
    }

    /** The window's text, from a part that holds it. */
    String of(DocumentPart part) {
        return part.document().text().substring(from - part.from(), to - part.from());
    }

    /**
     * A part of a text by the whole text's offsets; a line break outside it is not found (the reach keeps the window's
     * edges inside it).
     */
    private record DocumentPartText(String part, int offset, int length) {
        static DocumentPartText of(DocumentPart p) {
            return new DocumentPartText(p.document().text(), p.from(), p.length());
        }

        char charAt(int at) {
            return part.charAt(at - offset);
        }

        int lastLineBreak(int before) {
            int nl = part.lastIndexOf('\n', before - offset);
            return nl < 0 ? -1 : nl + offset;
        }

        int nextLineBreak(int at) {
            int nl = part.indexOf('\n', Math.max(0, at - offset));
            return nl < 0 ? -1 : nl + offset;
        }
    }
}
