package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.TaggedSpan;

/**
 * Quotations opened with a dash at the start of a paragraph, as Norwegian writes dialogue (interview
 * notes, news): {@code – Vi fikk aldri svar, sier mor.} The quotation runs from the first word after the
 * dash to the speaker cue ({@code , sier mor}; {@code ? spør han}), or without one to the end of the
 * paragraph.
 *
 * <p>A dash also opens list items, so a turn without a speaker cue is a quotation only when it reads as
 * speech: a capital first, sentence punctuation last, not in a list introduced by a colon (unless that
 * line names a speaker: {@code Mor forteller:}), and a first- or second-person word, a question, or another
 * turn of the document with a speaker cue. Turns inside a quotation made with marks are left to it.
 * Thread-safe (no state).
 */
final class DialogueQuotes {
    /** A dash, a space and a capital (or an opening mark) at the start of a line. */
    private static final Pattern TURN = Pattern.compile("(?m)^[ \\t]*([-–—])[ \\t]+(?=[\\p{Lu}\\d«\"“„])");
    /** The speaker after the words: {@code , sier mor}, {@code ? spør han}, {@code , – sier leder}. */
    private static final Pattern CUE = Pattern.compile("(?:,|(?<=[!?…]))\\s*(?:[-–—]\\s*)?((?:" + QuoteAttribution.VERBS
            + "|spør|spurte|spurde|legger til|la til)\\b(?:[^.!?\\n«»“”\"]{0,80}?(?=[.!?,;:\\n]|\\z)|[^.!?\\n«»“”\"]{0,40}(?=\\s)))");
    private static final Pattern SPEECH = Pattern.compile("(?iu)(?<![\\p{L}])(?:jeg|eg|vi|me|du|dere|dokker|meg|oss|deg|dykk"
            + "|min|mitt|mine|vår|vårt|våre|din|ditt|dine)(?![\\p{L}])");
    private static final String SENTENCE_END = ".!?…»\"”";

    private record Turn(int dash, int start, int end, TaggedSpan cue) {
    }

    private DialogueQuotes() {
    }

    /** Dialogue quotations of {@code text}; {@code marked} are the quotations made with marks. */
    static List<Quotation> find(String text, List<Quotation> marked, List<int[]> furniture) {
        List<Turn> turns = new ArrayList<>();
        Matcher m = TURN.matcher(text);
        while (m.find()) {
            int dash = m.start(1);
            if (!opensParagraph(text, m.start()) || inside(furniture, dash) || insideQuotation(marked, dash)) {
                continue;
            }
            int start = m.end();
            int end = turnEnd(text, start);
            Matcher cue = CUE.matcher(text).region(start, end);
            if (cue.find() && cue.start() > start) {
                turns.add(new Turn(dash, start, trim(text, start, cue.start()),
                        new TaggedSpan("ATTRIBUTION", cue.start(1), trim(text, cue.start(1), cue.end(1)))));
            } else {
                turns.add(new Turn(dash, start, trim(text, start, end), null));
            }
        }
        boolean anyCued = turns.stream().anyMatch(t -> t.cue() != null);
        List<Quotation> out = new ArrayList<>();
        for (Turn t : turns) {
            if (t.end() > t.start() && (t.cue() != null || readsAsSpeech(text, t, anyCued))) {
                out.add(new Quotation(t.start(), t.end(), text.charAt(t.dash()), 0, List.of(), t.cue()));
            }
        }
        return out;
    }

    /** Both lists; a marked quotation inside a dialogue turn is nested in it. */
    static List<Quotation> merge(List<Quotation> marked, List<Quotation> dialogue) {
        List<Quotation> out = new ArrayList<>(dialogue);
        for (Quotation q : marked) {
            boolean inTurn = dialogue.stream().anyMatch(d -> d.start() <= q.start() && q.end() <= d.end());
            if (inTurn) {
                List<String> flags = new ArrayList<>(q.flags());
                if (!flags.contains(Quotation.NESTED)) {
                    flags.add(Quotation.NESTED);
                }
                out.add(new Quotation(q.start(), q.end(), q.open(), q.depth() + 1, flags, null));
            } else {
                out.add(q);
            }
        }
        return out;
    }

    private static boolean readsAsSpeech(String text, Turn t, boolean anyCued) {
        String words = text.substring(t.start(), t.end());
        if (!Character.isUpperCase(words.charAt(0)) && "«\"“„".indexOf(words.charAt(0)) < 0
                || SENTENCE_END.indexOf(words.charAt(words.length() - 1)) < 0 || inColonList(text, t.dash())) {
            return false;
        }
        return anyCued || words.endsWith("?") || SPEECH.matcher(words).find();
    }

    /** The turn is one of a list introduced by a line that ends with a colon and names no speaker. */
    private static boolean inColonList(String text, int dash) {
        int lineStart = lineStart(text, dash);
        while (lineStart > 0) {
            int previousEnd = lineStart - 1;
            while (previousEnd > 0 && Character.isWhitespace(text.charAt(previousEnd - 1))) {
                previousEnd--;
            }
            int previousStart = lineStart(text, previousEnd);
            String line = text.substring(previousStart, previousEnd).strip();
            if (line.isEmpty()) {
                return false;
            }
            if (!TURN.matcher(line).lookingAt()) {
                return line.endsWith(":") && !QuoteAttribution.namesSpeaker(line);
            }
            lineStart = previousStart;
        }
        return false;
    }

    private static boolean opensParagraph(String text, int lineStart) {
        int k = lineStart - 1;
        if (k < 0) {
            return true;
        }
        int previousEnd = k;
        while (previousEnd > 0 && (text.charAt(previousEnd - 1) == ' ' || text.charAt(previousEnd - 1) == '\t')) {
            previousEnd--;
        }
        if (previousEnd == 0 || text.charAt(previousEnd - 1) == '\n') {
            return true; // after a blank line
        }
        return (SENTENCE_END + ":").indexOf(text.charAt(previousEnd - 1)) >= 0;
    }

    /** The end of the turn: its paragraph's end, or the end of a line that closes a sentence. */
    private static int turnEnd(String text, int start) {
        int i = start;
        while (true) {
            int nl = text.indexOf('\n', i);
            if (nl < 0) {
                return text.length();
            }
            String line = text.substring(i, nl).strip();
            if (line.isEmpty() || SENTENCE_END.indexOf(line.charAt(line.length() - 1)) >= 0
                    || nl + 1 < text.length() && text.charAt(nl + 1) == '\n') {
                return nl;
            }
            i = nl + 1;
        }
    }

    private static int lineStart(String text, int at) {
        return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    }

    private static int trim(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean insideQuotation(List<Quotation> quotations, int at) {
        return quotations.stream().anyMatch(q -> q.start() <= at && at < q.end());
    }

    private static boolean inside(List<int[]> ranges, int i) {
        for (int[] r : ranges) {
            if (i >= r[0] && i < r[1]) {
                return true;
            }
        }
        return false;
    }
}
