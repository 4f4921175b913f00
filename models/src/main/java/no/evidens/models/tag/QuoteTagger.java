package no.evidens.models.tag;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.TaggedSpan;

/**
 * Finds quotations: «…» with ‹…›, “…”, ”…”, „…“ or "…" nested inside, and “…” / "…" quotations in
 * documents that use them instead of guillemets.
 *
 * <ul>
 *   <li>A quotation may run over line, sentence and page breaks. It runs over a paragraph break only
 *       when it is closed within {@link #MAX_SPAN} characters and no new quotation of its kind opens
 *       before it closes (a long quotation of several paragraphs).</li>
 *   <li>A quotation that is never closed is bounded at the end of its paragraph and flagged
 *       {@link Quotation#UNCLOSED}: it never swallows the rest of the document.</li>
 *   <li>A straight {@code "} or {@code ″} after a digit is an inch or second mark ({@code 3,5"}), not a
 *       quotation; straight and ambiguous marks open only before a non-space and close only after one.</li>
 *   <li>Marks inside the ranges given as page furniture (running headers and footers) are skipped.</li>
 * </ul>
 * Thread-safe (no state).
 */
public final class QuoteTagger {
    /** The longest quotation that may cross a paragraph break. */
    public static final int MAX_SPAN = 3000;
    private static final int ATTRIBUTION_BEFORE = 200;
    private static final int ATTRIBUTION_AFTER = 80;

    private static final String VERBS = "sier|sa|seier|skriver|skrev|skreiv|uttaler|uttalte|uttalar|forteller|fortalte"
            + "|fortel|fortalde|opplyser|opplyste|opplyser|svarer|svarte|svarar|understreker|understreket|påpeker"
            + "|påpekte|peiker|peikar|mener|meinte|meiner|forklarer|forklarte|forklarar|beskriver|beskrev|skildrar"
            + "|heter|heiter|het|står|stod|sto|framgår|fremgår|fremkommer|framkjem|kom fram|kom frem";
    /** A cue right after the closing mark: {@code », sier leder av forumet.} */
    private static final Pattern AFTER = Pattern.compile(
            "\\A[,;]?\\s*(?:–\\s*|-\\s*)?((?:" + VERBS + ")\\b[^.!?\\n«»“”\"]{0,60}?)(?=[.!?,;:\\n]|\\z)");
    /** A cue before the opening mark, in the same sentence. */
    private static final Pattern BEFORE = Pattern.compile(
            "((?:[Dd]et\\s+(?:fremgår|framgår|går\\s+fram|går\\s+frem|fremkommer|framkjem|kom\\s+fram|kom\\s+frem|heter|heiter|står|stod|sto)"
                    + "|[Ii]følge|[Ii]\\s+følgje|[Ss]om\\s+(?:en|ein|ei|et|eit)\\s+\\p{L}+\\s+(?:sa|sier|seier|uttrykte|skrev|skreiv)"
                    + "|\\b\\p{Lu}[\\p{L}-]*(?:\\s+[\\p{L}-]+){0,4}\\s+(?:" + VERBS + ")\\b"
                    + "|\\b(?:" + VERBS + ")\\s+(?:det|han|hun|ho|de|dei|kommunen|leder|leiar|lederen|leiaren)\\b"
                    + ")[^.!?«»“”\"]{0,160}?)\\s*[:,]?\\s*\\z");

    private static final String OPENERS = "«‹“„";

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
        List<Quotation> out = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        int paragraphEnd = paragraphEnd(text, 0);
        for (int i = 0; i < text.length(); i++) {
            if (i == paragraphEnd) {
                closeParagraph(text, i, stack, out);
                paragraphEnd = paragraphEnd(text, nextParagraphStart(text, i));
                continue;
            }
            char c = text.charAt(i);
            if ("«»‹›“”„\"".indexOf(c) < 0 || inside(furniture, i)) {
                continue;
            }
            if (c == '«' && continuesQuote(text, i, stack)) {
                continue;
            }
            char closer = closerOf(c);
            if (closer == 0 && isCloser(c) && !isAmbiguous(c)) {
                close(text, i, c, stack, out);
            } else if (isAmbiguous(c)) {
                boolean canOpen = canOpen(text, i);
                boolean canClose = canClose(text, i);
                boolean openOfSame = stack.stream().anyMatch(o -> o.mark() == c
                        || (c == '”' && o.mark() == '“') || (c == '“' && o.mark() == '„'));
                if (isInchMark(text, i)) {
                    continue;
                }
                if (canClose && openOfSame) {
                    close(text, i, c, stack, out);
                } else if (canOpen) {
                    stack.push(new Open(i, c, stack.size(), false));
                }
            } else if (OPENERS.indexOf(c) >= 0) {
                stack.push(new Open(i, c, stack.size(), false));
            }
        }
        closeParagraph(text, text.length(), stack, out);
        out.sort(Comparator.comparingInt(Quotation::start).thenComparing(Comparator.comparingInt(Quotation::end).reversed()));
        return out;
    }

    /** A new paragraph that starts with « while a « quotation is open continues it. */
    private static boolean continuesQuote(String text, int i, Deque<Open> stack) {
        if (stack.isEmpty() || stack.peek().mark() != '«' || !stack.peek().multiParagraph()) {
            return false;
        }
        int k = i - 1;
        while (k >= 0 && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
            k--;
        }
        return k >= 1 && text.charAt(k) == '\n' && text.charAt(k - 1) == '\n';
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
            case '”' -> o.mark() == '“' || o.mark() == '”' || o.mark() == '„';
            case '“' -> o.mark() == '„';
            default -> false;
        };
    }

    private void close(String text, int i, char c, Deque<Open> stack, List<Quotation> out) {
        if (stack.stream().noneMatch(o -> matchesOpen(o, c))) {
            return; // a closing mark without its opening: nothing to report
        }
        while (!stack.isEmpty()) {
            Open o = stack.pop();
            if (matchesOpen(o, c)) {
                out.add(quotation(text, o, i, false));
                return;
            }
            out.add(quotation(text, o, boundary(text, o.pos(), i), true)); // an inner quotation left open
        }
    }

    /**
     * At a paragraph end, a quotation that is open either continues (it closes further on, within
     * {@link #MAX_SPAN}) or is bounded here and flagged.
     */
    private void closeParagraph(String text, int at, Deque<Open> stack, List<Quotation> out) {
        while (!stack.isEmpty()) {
            Open o = stack.peek();
            if (stack.size() == 1 && o.mark() == '«' && at < text.length() && closesLater(text, o.pos(), at)) {
                stack.pop();
                stack.push(new Open(o.pos(), o.mark(), o.depth(), true));
                return;
            }
            stack.pop();
            out.add(quotation(text, o, at, true));
        }
    }

    /**
     * The closing » comes later, within {@link #MAX_SPAN}, and every paragraph in between opens with a
     * continuation « (or is a list item): the Norwegian way of quoting several paragraphs.
     */
    private static boolean closesLater(String text, int open, int from) {
        int limit = Math.min(text.length(), open + MAX_SPAN);
        int depth = 0;
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                int k = nextParagraphStart(text, i);
                if (k >= text.length() || "«•◦▪-–*".indexOf(text.charAt(k)) < 0) {
                    return false;
                }
                i = text.charAt(k) == '«' ? k : k - 1;
                continue;
            }
            if (c == '«') {
                depth++;
            } else if (c == '»') {
                if (depth == 0) {
                    return true;
                }
                depth--;
            }
        }
        return false;
    }

    private static int boundary(String text, int open, int limit) {
        int end = paragraphEnd(text, open);
        return Math.min(end, limit);
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
        if (text.indexOf("\n\n", start) >= 0 && text.indexOf("\n\n", start) < end) {
            flags.add(Quotation.MULTI_PARAGRAPH);
        }
        TaggedSpan attribution = o.depth() > 0 ? null : attribution(text, o.pos(), unclosed ? -1 : closeAt);
        return new Quotation(start, end, o.mark(), o.depth(), flags, attribution);
    }

    /** The attribution cue after the closing mark, else before the opening mark in the same sentence. */
    static TaggedSpan attribution(String text, int openAt, int closeAt) {
        if (closeAt >= 0 && closeAt + 1 < text.length()) {
            String after = text.substring(closeAt + 1, Math.min(text.length(), closeAt + 1 + ATTRIBUTION_AFTER));
            Matcher m = AFTER.matcher(after);
            if (m.find()) {
                int s = closeAt + 1 + m.start(1);
                int e = closeAt + 1 + m.end(1);
                return new TaggedSpan("ATTRIBUTION", s, trimEnd(text, s, e));
            }
        }
        int from = sentenceStart(text, openAt);
        String before = text.substring(from, openAt);
        Matcher m = BEFORE.matcher(before);
        if (m.find()) {
            int s = from + m.start(1);
            int e = from + m.end(1);
            return new TaggedSpan("ATTRIBUTION", s, trimEnd(text, s, e));
        }
        return null;
    }

    private static int trimEnd(String text, int s, int e) {
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ':' || text.charAt(e - 1) == ',')) {
            e--;
        }
        return e;
    }

    /** Roughly where the sentence around {@code i} starts: after . ! ? and a space, or a paragraph break. */
    private static int sentenceStart(String text, int i) {
        int limit = Math.max(0, i - ATTRIBUTION_BEFORE);
        for (int k = i - 1; k > limit; k--) {
            char c = text.charAt(k);
            if (c == '\n' && k > 0 && text.charAt(k - 1) == '\n') {
                return k + 1;
            }
            if ((c == '.' || c == '!' || c == '?' || c == '»' || c == '”') && k + 1 < text.length()
                    && Character.isWhitespace(text.charAt(k + 1))) {
                return k + 1;
            }
        }
        return limit;
    }

    private static boolean canOpen(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return !Character.isWhitespace(after) && (Character.isWhitespace(before) || "([{«‹/–—-:".indexOf(before) >= 0 || i == 0);
    }

    private static boolean canClose(String text, int i) {
        char before = i == 0 ? ' ' : text.charAt(i - 1);
        char after = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
        return !Character.isWhitespace(before) && (Character.isWhitespace(after) || ".,;:!?)]}»›…-–—/".indexOf(after) >= 0);
    }

    /** {@code 3"}, {@code 12,5"}, {@code 2'30"}: a straight or curly double mark right after a digit. */
    private static boolean isInchMark(String text, int i) {
        char c = text.charAt(i);
        if (c != '"' && c != '”' && c != '″') {
            return false;
        }
        return i > 0 && (Character.isDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')
                && (i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1)))
                && !hasOpenBefore(text, i);
    }

    /** A straight opening mark earlier in the same paragraph that this one could close ({@code "model 3"}). */
    private static boolean hasOpenBefore(String text, int i) {
        int from = Math.max(text.lastIndexOf("\n\n", i), 0);
        int count = 0;
        for (int k = from; k < i; k++) {
            if (text.charAt(k) == text.charAt(i) && !(k > 0 && Character.isDigit(text.charAt(k - 1)))) {
                count++;
            }
        }
        return count % 2 == 1;
    }

    private static int paragraphEnd(String text, int from) {
        int k = text.indexOf("\n\n", from);
        return k < 0 ? text.length() : k;
    }

    private static int nextParagraphStart(String text, int breakAt) {
        int k = breakAt;
        while (k < text.length() && text.charAt(k) == '\n') {
            k++;
        }
        return k;
    }
}
