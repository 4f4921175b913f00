package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A text of one long paragraph (a log whose entries are lines, joined by the normaliser): the look for a paragraph break
 * near a legal reference or inside a quotation reads the characters near it, not the text to its start or end (counted
 * as characters read, a copy of the text counting its length).
 */
class LongParagraphWorkTest {
    /** Text whose characters read are counted. */
    private static final class CountedText implements CharSequence {
        private final String text;
        long reads;

        CountedText(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int i) {
            reads++;
            return text.charAt(i);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            reads += end - start;
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            reads += text.length();
            return text;
        }
    }

    private static String log(int entries) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < entries; k++) {
            b.append("Saken ble meldt til barneverntjenesten, jf. barnevernsloven § 4-12. Mor sa: «Vi hørte ingenting.» ");
            if (k % 500 == 499) {
                b.append("\n\n"); // now and then a paragraph break, so that some references are near one
            }
        }
        return b.toString();
    }

    @Test
    void theLawNameBeforeAReferenceIsLookedForNearItNotBackToTheTextsStart() {
        String text = log(2_000);
        CountedText counted = new CountedText(text);
        int references = 0;
        for (int at = text.indexOf('§'); at >= 0; at = text.indexOf('§', at + 1)) {
            int from = Math.max(0, at - 160);
            int para = text.lastIndexOf("\n\n", at);
            assertEquals(Math.max(from, para < 0 ? 0 : para + 2), LegalRefTagger.lineStart(counted, at), "at " + at);
            references++;
        }
        // a search back to the text's start for each of the 2,000 references read 392,016,000 characters
        assertTrue(counted.reads <= 200L * references, counted.reads + " characters read for " + references + " references");
    }

    @Test
    void aQuotationsParagraphBreakIsLookedForInsideItNotToTheTextsEnd() {
        String text = log(2_000);
        CountedText counted = new CountedText(text);
        long inside = 0;
        int quotations = 0;
        for (int open = text.indexOf('«'); open >= 0; open = text.indexOf('«', open + 1)) {
            int end = text.indexOf('»', open);
            boolean expected = text.indexOf("\n\n", open) >= 0 && text.indexOf("\n\n", open) < end;
            assertEquals(expected, QuoteTagger.breakWithin(counted, open, end), "at " + open);
            inside += end - open;
            quotations++;
        }
        int spanning = text.indexOf("\n\n") - 10;
        assertTrue(QuoteTagger.breakWithin(counted, spanning, spanning + 20), "a break inside the span is found");
        // a search to the text's end for each of the 2,000 quotations (done twice) read 784,424,016 characters
        assertTrue(counted.reads <= 2 * inside + 40, counted.reads + " characters read for " + quotations + " quotations");
    }
}
