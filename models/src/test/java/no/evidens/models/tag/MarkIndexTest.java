package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The quotation tagger's look-ups along a paragraph answered from {@link MarkIndex} give what the character scans of
 * round 49 gave (kept here as the reference: counting the marks from the paragraph's start, reading to its end), at
 * every position of many generated paragraphs dense with straight and curly marks, digits, apostrophes and breaks.
 */
class MarkIndexTest {
    /** Short pieces, so that a generated text holds every neighbourhood the look-ups tell apart. */
    private static final List<String> PIECES = List.of("\"", "\"", "'", "'", "”", "″", "«", "»", "“", "‹", "›", " ",
            " ", " ", "a", "Mor", "12", "3", ".", ",", "\n", "\n\n", "\n\n\n", "-", "...", "…", "’", "!", ":");

    private static String text(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < pieces; k++) {
            b.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return b.toString();
    }

    @Test
    void everyLookUpGivesWhatTheScanGaveAtEveryPosition() {
        Random random = new Random(50);
        int checked = 0;
        for (int round = 0; round < 600; round++) {
            String text = text(random, 1 + random.nextInt(80));
            MarkIndex marks = new MarkIndex(text);
            for (int i = 0; i <= text.length(); i++) {
                String at = "at " + i + " of " + text.replace("\n", "⏎");
                int end = text.indexOf("\n\n", i);
                assertEquals(end < 0 ? text.length() : end, marks.paragraphEnd(i), at);
                assertEquals(text.lastIndexOf("\n\n", i), marks.lastBreakAtOrBefore(i), at);
                assertEquals(text.lastIndexOf('«', i) >= 0, marks.openingGuillemetBy(i), at);
                assertEquals(Reference.noCloserBeforeOpener(text, i), QuoteClosing.noCloserBeforeOpener(marks, i), at);
                assertEquals(Reference.closedLater(text, i), QuoteClosing.closedLater(marks, i), at);
                if (i < text.length()) {
                    assertEquals(Reference.isInchMark(text, i), QuoteMarks.isInchMark(marks, i), at);
                    assertEquals(Reference.singleClosesAhead(text, i), QuoteClosing.singleClosesAhead(marks, i), at);
                }
                checked++;
            }
        }
        assertTrue(checked > 20_000, checked + " positions");
    }

    @Test
    void aLongParagraphOfStraightMarksIsTaggedAsItsPiecesAre() {
        // one paragraph (a log's lines joined): a quotation with a 'single' one inside, inch marks, an apostrophe; its
        // quotations are those of each entry tagged alone, moved to the entry's place
        String entry = "Skjermen er 24\" og døra 3'6\" bred. Mor sa: \"Læreren sa 'vent og se' til oss.\" Kari's notat. ";
        List<Quotation> one = new QuoteTagger().tag(entry);
        assertEquals(2, one.size(), one.toString());
        String text = entry.repeat(300);
        List<Quotation> all = new QuoteTagger().tag(text);
        assertEquals(2 * 300, all.size());
        for (int k = 0; k < all.size(); k++) {
            Quotation expected = one.get(k % 2);
            int shift = k / 2 * entry.length();
            assertEquals(expected.start() + shift, all.get(k).start(), "quotation " + k);
            assertEquals(expected.end() + shift, all.get(k).end(), "quotation " + k);
            assertEquals(expected.open(), all.get(k).open(), "quotation " + k);
        }
    }

    /** Round 49's scans, as they were in {@code QuoteMarks} and {@code QuoteClosing}. */
    private static final class Reference {
        static int paragraphEnd(String text, int from) {
            int k = text.indexOf("\n\n", from);
            return k < 0 ? text.length() : k;
        }

        static boolean isInchMark(String text, int i) {
            char c = text.charAt(i);
            if (c != '"' && c != '”' && c != '″') {
                return false;
            }
            return i > 0 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')
                    && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)))
                    && !hasOpenBefore(text, i);
        }

        static boolean hasOpenBefore(String text, int i) {
            int from = Math.max(text.lastIndexOf("\n\n", i), 0);
            int count = 0;
            for (int k = from; k < i; k++) {
                if (text.charAt(k) == text.charAt(i) && !(k > 0 && Character.isDigit(text.charAt(k - 1)))) {
                    count++;
                }
            }
            return count % 2 == 1;
        }

        static boolean noCloserBeforeOpener(String text, int from) {
            int end = paragraphEnd(text, from);
            for (int k = from; k < end; k++) {
                char c = text.charAt(k);
                if (c == '»') {
                    return false;
                }
                if (c == '«') {
                    return true;
                }
            }
            return true;
        }

        static boolean singleClosesAhead(String text, int open) {
            int end = paragraphEnd(text, open);
            for (int k = open + 2; k < end; k++) {
                char c = text.charAt(k);
                if (c == '»' || c == '”' || c == '"' || c == '“') {
                    return false;
                }
                if (c == '\'' && QuoteMarks.canClose(text, k)) {
                    return true;
                }
            }
            return false;
        }

        static boolean closedLater(String text, int from) {
            if (from < text.length() && ".,;:!?".indexOf(text.charAt(from)) < 0 && !Character.isWhitespace(text.charAt(from))
                    || from < text.length() && Character.isWhitespace(text.charAt(from)) && !text.startsWith("\n\n", from)
                    && from + 1 < text.length() && text.charAt(from + 1) != '\n') {
                return true;
            }
            int end = paragraphEnd(text, from);
            int depth = 0;
            for (int k = from; k < end; k++) {
                char c = text.charAt(k);
                if (c == '«') {
                    depth++;
                } else if (c == '»') {
                    if (depth == 0) {
                        return true;
                    }
                    depth--;
                }
            }
            return end < text.length() && QuoteTagger.closesLater(text, from, end, '«', '»');
        }
    }
}
