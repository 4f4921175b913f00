package no.evidens.index;

/**
 * A part of an indexed document's text, with the document's fields: what a reader that shows a large document a window at
 * a time needs, without the rest of its text.
 *
 * @param document the document's fields; its {@code text} is the part alone (the characters {@code [from, from + text
 *                 length)} of the whole text)
 * @param from     the offset of the part's first character in the whole text
 * @param length   the whole text's length
 */
public record DocumentPart(IndexedDocument document, int from, int length) {
    public DocumentPart {
        if (from < 0 || from + document.text().length() > length) {
            throw new IllegalArgumentException("a part [" + from + ", " + (from + document.text().length())
                    + ") of a text of " + length + " characters");
        }
    }

    /**
     * The part {@code [from, to)} of a whole document, both clipped to its text.
     */
    public static DocumentPart of(IndexedDocument whole, int from, int to) {
        String text = whole.text();
        int start = Math.max(0, Math.min(from, text.length()));
        int end = Math.max(start, Math.min(to, text.length()));
        IndexedDocument part = new IndexedDocument(whole.docId(), whole.caseId(), whole.file(), whole.type(), whole.title(),
                whole.sha256(), whole.mediaType(), text.substring(start, end), whole.pageStarts(), whole.normaliserVersion());
        return new DocumentPart(part, start, text.length());
    }

    /** The offset after the part's last character. */
    public int to() {
        return from + document.text().length();
    }
}
