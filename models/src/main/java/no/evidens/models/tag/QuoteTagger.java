package no.evidens.models.tag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

import no.evidens.models.TaggedSpan;

/**
 * Finds quotations: «…» with ‹…›, “…”, ”…”, „…“, "…" or ‘…’ nested inside, “…” / "…" quotations in
 * documents that use them instead of guillemets, »…« in documents that write guillemets the other way
 * round ({@link QuoteStyle}), and dialogue opened with a dash at the start of a paragraph
 * ({@link DialogueQuotes}).
 *
 * <ul>
 *   <li>A quotation may run over line, sentence and page breaks. A «…» or “…” quotation runs over
 *       paragraph breaks when its closing mark comes within {@link #MAX_SPAN} characters and every
 *       mark of its kind in between is balanced (a court's conclusion, an article quoted in full, with or
 *       without a continuation « at each paragraph); it is flagged {@link Quotation#MULTI_PARAGRAPH}.</li>
 *   <li>‘…’ is a quotation only inside another one (elsewhere ’ is an apostrophe).</li>
 *   <li>”…” around at most {@value #PHRASE_WORDS} words with no sentence punctuation and no attribution
 *       marks a phrase or term (”såkalte ”ansvarsgrupper”), not a quotation.</li>
 *   <li>A quotation that is never closed is bounded at the end of its paragraph and flagged
 *       {@link Quotation#UNCLOSED}: it never swallows the rest of the document.</li>
 *   <li>A straight {@code "} or {@code ″} after a digit is an inch or second mark ({@code 3,5"}), not a
 *       quotation; straight and ambiguous marks open only before a non-space and close only after one, except
 *       straight marks written with spaces inside ({@code " Tittel "}, text rebuilt from tokens), which pair up
 *       within their paragraph ({@link QuoteMarks#spacedStraight}).</li>
 *   <li>Marks inside the ranges given as page furniture (running headers and footers) are skipped.</li>
 * </ul>
 * Thread-safe (no state).
 */
public final class QuoteTagger {
    /** The longest quotation that may cross a paragraph break. */
    public static final int MAX_SPAN = 3000;

    /** ”…” around this many words or fewer, without sentence punctuation, marks a term. */
    public static final int PHRASE_WORDS = 3;

    private static final String OPENERS = "«‹“„";
    private static final String MARKS = "«»‹›“”„\"‘’'";

    private record Open(int pos, char mark, int depth, boolean multiParagraph) {
    }

    /** Quotations in the text, by start (outer before inner). */
    public List<Quotation> tag(String text) {
        return tag(text, List.of());
    }

    /**
     * Quotations in the text, skipping quotation marks inside {@code furniture} ranges ({@code [start, end)}).
     */
    public List<Quotation> tag(String text, List<int[]> furniture) {
        boolean reversed = QuoteStyle.reversedGuillemets(text, furniture);
        List<Quotation> marked = new ArrayList<>();
        for (Quotation q : marked(reversed ? QuoteStyle.swapGuillemets(text) : text, furniture)) {
            marked.add(reversed ? QuoteStyle.reversedMark(q) : q);
        }
        List<Quotation> out = DialogueQuotes.merge(text, marked, DialogueQuotes.find(text, marked, furniture));
        out.sort(Comparator.comparingInt(Quotation::start).thenComparing(Comparator.comparingInt(Quotation::end).reversed()));
        return out;
    }

    /** The quotations opened and closed by marks. */
    private List<Quotation> marked(String text, List<int[]> furniture) {
        List<Quotation> out = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        MarkIndex marks = new MarkIndex(text);
        int paragraphEnd = marks.paragraphEnd(0);
        for (int i = 0; i < text.length(); i++) {
            if (i == paragraphEnd) {
                closeParagraph(text, i, stack, out);
                paragraphEnd = marks.paragraphEnd(nextParagraphStart(text, i));
                continue;
            }
            char c = text.charAt(i);
            if (MARKS.indexOf(c) < 0 || inside(furniture, i)) {
                continue;
            }
            if ((c == '«' || c == '“') && continuesQuote(marks, i, c, stack)) {
                continue;
            }
            char closer = closerOf(c);
            if (c == '\'') {
                if (!stack.isEmpty() && stack.peek().mark() == '\'' && QuoteMarks.canClose(text, i)) {
                    close(marks, i, c, stack, out);
                } else if (!stack.isEmpty() && QuoteMarks.canOpen(text, i) && Character.isLetter(QuoteMarks.after(text, i))
                        && QuoteClosing.singleClosesAhead(marks, i)) {
                    stack.push(new Open(i, c, stack.size(), false)); // 'single' straight marks inside a quotation
                } // else an apostrophe: Mulligan's, '90-tallet
            } else if (c == '‘') {
                if (!stack.isEmpty() && QuoteMarks.canOpen(text, i)) {
                    stack.push(new Open(i, c, stack.size(), false)); // ‘single’ inside a quotation
                }
            } else if (c == '’') {
                if (!stack.isEmpty() && stack.peek().mark() == '‘' && QuoteMarks.canClose(text, i)) {
                    close(marks, i, c, stack, out);
                } // else an apostrophe: A’s, foreldrenes’
            } else if (closer == 0 && isCloser(c) && !isAmbiguous(c)) {
                close(marks, i, c, stack, out);
            } else if (isAmbiguous(c)) {
                boolean canOpen = QuoteMarks.canOpen(text, i);
                boolean canClose = QuoteMarks.canClose(text, i);
                boolean openOfSame = stack.stream().anyMatch(o -> o.mark() == c
                        || (c == '”' && (o.mark() == '“' || o.mark() == '"')) || (c == '“' && o.mark() == '„'));
                if (c == '"' && QuoteMarks.spacedStraight(text, i)) {
                    // detokenised text writes " Tittel " with spaces inside: it closes an open one, or opens
                    // when another straight mark follows in the paragraph
                    canClose = true;
                    canOpen = (Character.isWhitespace(QuoteMarks.after(text, i)) || QuoteMarks.opensWithEllipsis(text, i))
                            && text.indexOf('"', i + 1) >= 0 && text.indexOf('"', i + 1) < marks.paragraphEnd(i);
                } else if (!stack.isEmpty() && stack.peek().mark() == '"' && QuoteMarks.closesAfterSentence(text, i)) {
                    canClose = true;
                }
                if (QuoteMarks.isInchMark(marks, i)) {
                    continue;
                }
                if (canClose && openOfSame) {
                    close(marks, i, c, stack, out);
                } else if (c == '"' && canClose && stack.size() == 1 && stack.peek().mark() == '«'
                        && QuoteClosing.noCloserBeforeOpener(marks, i)) {
                    out.add(quotation(text, stack.pop(), i, false)); // «Det er beklagelig," uttaler biskopen
                } else if (c == '"' && canClose && stack.isEmpty() && lostStraightOpening(text, i) != null) {
                    out.add(lostStraightOpening(text, i)); // Fattigdom starter med … nasjoner ", sa Annan: the text starts inside
                } else if (canOpen) {
                    stack.push(new Open(i, c, stack.size(), false));
                }
            } else if (OPENERS.indexOf(c) >= 0) {
                stack.push(new Open(i, c, stack.size(), false));
            }
        }
        closeParagraph(text, text.length(), stack, out);
        // «» with nothing inside (the words were lost, as in the treebank's «» for a dialect word): a quotation of no words
        // is nothing an auditor can read or cite (round 16)
        out.removeIf(q -> isPhrase(text, q) || text.substring(q.start(), q.end()).isBlank());
        return out;
    }

    /** ”ansvarsgrupper”: right quotes on both sides around a few words that are no sentence. */
    private static boolean isPhrase(String text, Quotation q) {
        if (q.open() != '”' || q.attribution() != null || !q.flags().stream().allMatch(Quotation.NESTED::equals)) {
            return false;
        }
        String inner = text.substring(q.start(), q.end()).strip();
        return !inner.isEmpty() && inner.split("\\s+").length <= PHRASE_WORDS && inner.chars().noneMatch(ch -> ".!?:;".indexOf(ch) >= 0);
    }

    /**
     * A new paragraph that starts with « (or “) while such a quotation is open continues it. So does a « right after a
     * sentence's end inside an open «…» of the same paragraph when the text up to the paragraph's next « closes one
     * quotation only (one », no straight mark), with no dash turn or section mark between ({@link #BREAK}): a letter quoted over two paragraphs, its continuation mark kept, in text whose
     * paragraphs were run together ({@code «Vi er mange. «Vi ber om et svar.»}, round 19); a quotation nested in it
     * would close twice.
     */
    private static boolean continuesQuote(MarkIndex marks, int i, char c, Deque<Open> stack) {
        String text = marks.text();
        if (stack.isEmpty() || stack.peek().mark() != c) {
            return false;
        }
        if (!stack.peek().multiParagraph()) {
            return c == '«' && stack.size() == 1 && afterSentence(text, i) && closesOnce(text, i + 1, marks.paragraphEnd(i))
                    && !BREAK.matcher(text).region(stack.peek().pos(), i).find();
        }
        int k = i - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        return k >= 1 && text.charAt(k) == '\n' && text.charAt(k - 1) == '\n';
    }

    /**
     * A dash turn or a section mark after a sentence's end: the text goes on in another voice or a new section, so a «
     * left open before it was never closed (the treebank's {@code … rett over sjøen. * Den samme …}), and a « after it
     * opens a quotation of its own.
     */
    private static final java.util.regex.Pattern BREAK = java.util.regex.Pattern.compile("[.!?…»]\\s+[-–—*]\\s");

    /** The mark at {@code i} follows a sentence's end and a space ({@code … langt. «Vi}). */
    private static boolean afterSentence(String text, int i) {
        return i >= 2 && text.charAt(i - 1) == ' ' && ".!?…".indexOf(text.charAt(i - 2)) >= 0;
    }

    /** {@code [from, to)}, up to its next «, holds one » and no straight double mark. */
    private static boolean closesOnce(String text, int from, int to) {
        int closes = 0;
        for (int k = from; k < to && text.charAt(k) != '«'; k++) {
            char ch = text.charAt(k);
            if (ch == '"') {
                return false;
            }
            if (ch == '»') {
                closes++;
            }
        }
        return closes == 1;
    }

    private static boolean inside(List<int[]> ranges, int i) {
        for (int[] r : ranges) {
            if (i >= r[0] && i < r[1]) {
                return true;
            }
        }
        return false;
    }

    private static char closerOf(char open) {
        return switch (open) {
            case '«' -> '»';
            case '‹' -> '›';
            default -> 0;
        };
    }

    private static boolean isCloser(char c) {
        return c == '»' || c == '›';
    }

    private static boolean isAmbiguous(char c) {
        return c == '"' || c == '”' || c == '“' || c == '„';
    }

    private static boolean matchesOpen(Open o, char close) {
        return switch (close) {
            case '»' -> o.mark() == '«';
            case '›' -> o.mark() == '‹';
            case '"' -> o.mark() == '"';
            case '”' -> o.mark() == '“' || o.mark() == '”' || o.mark() == '„' || o.mark() == '"'; // "…” mixed, as blogs write
            case '“' -> o.mark() == '„';
            case '’' -> o.mark() == '‘';
            case '\'' -> o.mark() == '\'';
            default -> false;
        };
    }

    private void close(MarkIndex marks, int i, char c, Deque<Open> stack, List<Quotation> out) {
        String text = marks.text();
        if (stack.stream().noneMatch(o -> matchesOpen(o, c))) {
            Quotation lost = c == '»' && stack.isEmpty() ? lostOpening(marks, i) : null;
            if (lost != null) {
                out.add(lost);
            } // else a closing mark without its opening: nothing to report
            return;
        }
        while (!stack.isEmpty()) {
            Open o = stack.pop();
            if (matchesOpen(o, c)) {
                out.add(quotation(text, o, i, false));
                if (c == '»' && !stack.isEmpty() && stack.peek().mark() == '«' && !QuoteClosing.closedLater(marks, i + 1)
                        && !QuoteClosing.turnInside(text, stack.peek().pos(), i)) {
                    out.add(quotation(text, stack.pop(), i, false)); // «… «du», sa han: one mark closes both
                }
                return;
            }
            out.add(quotation(text, o, Math.min(marks.paragraphEnd(o.pos()), i), true)); // an inner quotation left open
        }
    }

    /**
     * A quotation whose {@code «} was lost, closed by the {@code »} at {@code close}: from the document's start when no
     * {@code «} and no paragraph break comes before it (a text cut from its article inside a quotation), else from its
     * sentence's start when a speaker cue follows ({@code … død. Seks timer i badstua» skrev avisa}). Null otherwise.
     */
    private static Quotation lostOpening(MarkIndex marks, int close) {
        String text = marks.text();
        TaggedSpan cue = QuoteAttribution.after(text, close);
        int start;
        if (!marks.openingGuillemetBy(close) && marks.lastBreakAtOrBefore(close) < 0) {
            start = 0;
        } else if (cue != null) {
            start = QuoteAttribution.sentenceAround(text, close);
        } else {
            return null;
        }
        int end = close;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end <= start ? null : new Quotation(start, end, '«', 0, List.of(), cue);
    }

    /**
     * A quotation whose opening straight mark was lost, closed by the {@code "} at {@code close}: from the document's start,
     * when it is the document's first {@code "}, no paragraph break comes before it and a speaker cue follows it (a text
     * cut from its article inside a quotation). Null otherwise.
     */
    private static Quotation lostStraightOpening(String text, int close) {
        if (text.indexOf('"') != close || text.lastIndexOf("\n\n", close) >= 0) {
            return null;
        }
        TaggedSpan cue = QuoteAttribution.after(text, close);
        return cue == null ? null : trimmed(text, 0, close, cue);
    }

    private static Quotation trimmed(String text, int from, int to, TaggedSpan cue) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end <= start ? null : new Quotation(start, end, '"', 0, List.of(), cue);
    }

    /**
     * At a paragraph end, a quotation that is open either continues (it closes further on, within
     * {@link #MAX_SPAN}) or is bounded here and flagged.
     */
    private void closeParagraph(String text, int at, Deque<Open> stack, List<Quotation> out) {
        while (!stack.isEmpty()) {
            Open o = stack.peek();
            char closing = o.mark() == '«' ? '»' : o.mark() == '“' ? '”' : 0;
            if (stack.size() == 1 && closing != 0 && at < text.length() && closesLater(text, o.pos(), at, o.mark(), closing)) {
                stack.pop();
                stack.push(new Open(o.pos(), o.mark(), o.depth(), true));
                return;
            }
            stack.pop();
            out.add(quotation(text, o, stack.isEmpty() ? beforeCue(text, o.pos() + 1, at) : at, true));
        }
    }

    /**
     * Where an unclosed quotation of the paragraph {@code [start, at)} ends: before a speaker cue in it, else at the
     * paragraph's end ({@code «Stortinget betaler … i Durban, opplyser VG. Neste sak}: the closing mark was lost, the cue
     * still says where the words end; round 13).
     */
    private static int beforeCue(String text, int start, int at) {
        TurnCue.Cue cue = TurnCue.find(text, start, at, List.of());
        return cue == null ? at : cue.at();
    }

    /**
     * The closing mark comes later, within {@link #MAX_SPAN}, with the marks of its kind in between
     * balanced. A continuation mark opening a paragraph (the Norwegian way of quoting several
     * paragraphs) is skipped; without one the quotation still runs on (a court's conclusion quoted whole).
     */
    static boolean closesLater(String text, int open, int from, char opening, char closing) {
        int limit = Math.min(text.length(), open + MAX_SPAN);
        int depth = 0;
        boolean continued = false;
        boolean plain = false;
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                int k = nextParagraphStart(text, i);
                while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                    k++;
                }
                if (k >= text.length()) {
                    return false;
                }
                boolean continuation = text.charAt(k) == opening && depth == 0;
                continued |= continuation;
                plain |= !continuation && "•◦▪-–*".indexOf(text.charAt(k)) < 0; // list items go with either
                if (continued && plain) {
                    return false; // the writer marks continued paragraphs, and one is not marked: a new quotation
                }
                i = continuation ? k : k - 1;
                continue;
            }
            if (c == opening) {
                depth++;
            } else if (c == closing) {
                if (depth == 0) {
                    return true;
                }
                depth--;
            }
        }
        return false;
    }

    private static Quotation quotation(String text, Open o, int closeAt, boolean unclosed) {
        int start = o.pos() + 1;
        int end = closeAt;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        List<String> flags = new ArrayList<>();
        if (unclosed) {
            flags.add(Quotation.UNCLOSED);
        }
        if (o.depth() > 0) {
            flags.add(Quotation.NESTED);
        }
        if (breakWithin(text, start, end)) {
            flags.add(Quotation.MULTI_PARAGRAPH);
        }
        TaggedSpan attribution = o.depth() > 0 ? null : QuoteAttribution.find(text, o.pos(), unclosed ? -1 : closeAt);
        return new Quotation(start, end, o.mark(), o.depth(), flags, attribution);
    }

    /**
     * Whether a paragraph break starts at {@code start} or after and before {@code end}. Only that stretch is read: a
     * search to the text's end for every quotation grew with quotations × length in a text of one long paragraph.
     */
    static boolean breakWithin(CharSequence text, int start, int end) {
        for (int k = Math.max(start, 0); k < end && k + 1 < text.length(); k++) {
            if (text.charAt(k) == '\n' && text.charAt(k + 1) == '\n') {
                return true;
            }
        }
        return false;
    }

    private static int nextParagraphStart(String text, int breakAt) {
        int k = breakAt;
        while (k < text.length() && text.charAt(k) == '\n') {
            k++;
        }
        return k;
    }
}
