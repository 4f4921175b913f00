package no.evidens.pipeline.normalise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import no.evidens.pipeline.extract.Extraction;

/**
 * Turns extracted text into the normalised text that offsets cite: running headers, footers and page
 * numbers removed, words split at line ends joined, Unicode NFC, odd spaces folded,
 * invisible characters dropped, line breaks inside a paragraph joined with a space, paragraphs
 * (and list items that start a line with a bullet) separated by exactly one blank line. Page starts move with the text.
 * Page furniture is found here only ({@link PageFurniture}); what stays in the text is marked in the result.
 */
public final class TextNormaliser {
    /**
     * The version of the normalisation: its rules and its shipped word list. Raise it whenever the same
     * extraction can give other text or offsets; each indexed document records it, and {@code verify}
     * tells when a quotation was made under another version. Version 1 (unrecorded) read whatever
     * word list the machine had. Version 3 joins no line break where no hyphen was printed or drawn, keeps
     * real line-end hyphens by more rules, and never removes a page's only lines as furniture. Version 4
     * keeps the cells of a table row apart ({@code a | b}) where version 3 joined them with a space.
     * Version 5 keeps line-end hyphens by the project's own short list of hyphenated forms, where version 4
     * also knew the hyphenated forms seen in a treebank. Version 6 keeps a PDF's title or heading that stands
     * in its top margin (a larger type than the body's, or on a longer PDF a line no other page repeats), which
     * version 5 removed as a running header.
     */
    public static final String VERSION = "6";

    private final Dehyphenator dehyphenator;

    public TextNormaliser() {
        this(WordList::shared);
    }

    TextNormaliser(Supplier<WordList> words) {
        this.dehyphenator = new Dehyphenator(words);
    }

    /**
     * A text normalised before, as the index keeps it (text and page map), ready to be tagged again: the page furniture left
     * in it, which the index does not keep, found again as {@link #normalise} finds it from the same text and pages. The text
     * is not normalised again, so every offset into it stays.
     */
    public static NormalisedText restored(String text, List<Integer> pageStarts) {
        return new NormalisedText(text, pageStarts, PageFurniture.remaining(new NormalisedText(text, pageStarts)));
    }

    public NormalisedText normalise(Extraction extraction) {
        TextEdits.Result text = new TextEdits.Result(extraction.text(), extraction.pageStarts());
        boolean scanned = extraction.mediaType().startsWith("image/");
        boolean laidOut = extraction.pageStarts().size() > 1 || extraction.mediaType().contains("pdf") || scanned;
        if (scanned) {
            // OCR reads specks as marks ("|", "—", "*"): a line of a picture with no letter or digit is noise.
            text = noiseLines(text.text()).apply(text.text(), text.pageStarts());
        }
        // Page furniture first, so that a word or a sentence broken over a page break meets its other half.
        text = PageFurniture.find(text.text(), text.pageStarts(), laidOut, extraction.marginLines())
                .apply(text.text(), text.pageStarts());
        text = dehyphenator.find(text.text(), extraction.drawnHyphens()).apply(text.text(), text.pageStarts());
        NormalisedText nfc = nfc(text.text(), text.pageStarts());
        NormalisedText folded = fold(nfc.text(), nfc.pageStarts());
        return new NormalisedText(folded.text(), folded.pageStarts(), PageFurniture.remaining(folded));
    }

    /**
     * The text in Unicode NFC, page by page so that page boundaries stay exact. A text that is NFC already (nearly
     * every text) is returned as it is: normalising each page copied the whole text at least twice
     * (each page cut out, the pages joined), 36 MB a copy for round 49's 18 MB log. The check reads the text in place; a
     * text that is NFC has pages that are NFC, so the result is the same either way.
     */
    static NormalisedText nfc(String raw, List<Integer> rawStarts) {
        boolean composed = Normalizer.isNormalized(raw, Normalizer.Form.NFC);
        StringBuilder nfc = composed ? null : new StringBuilder(raw.length());
        List<Integer> nfcStarts = new ArrayList<>(rawStarts.size());
        int length = 0;
        for (int p = 0; p < rawStarts.size(); p++) {
            int from = Math.min(rawStarts.get(p), raw.length());
            int to = p + 1 < rawStarts.size() ? Math.min(rawStarts.get(p + 1), raw.length()) : raw.length();
            nfcStarts.add(length);
            if (composed) {
                length += Math.max(from, to) - from;
            } else {
                nfc.append(Normalizer.normalize(raw.substring(from, Math.max(from, to)), Normalizer.Form.NFC));
                length = nfc.length();
            }
        }
        return new NormalisedText(composed ? raw : nfc.toString(), nfcStarts);
    }

    /**
     * Marks that a speck gives and that never stand alone as a word in running text ("|" may: a table
     * drawn with bars).
     */
    private static final java.util.regex.Pattern NOISE_MARKS = java.util.regex.Pattern.compile("(?<=\\s|^)['`´\":;.,*_~^]+(?=\\s|$)");

    /** Edits that remove the lines holding no letter or digit, and lone noise marks between words. */
    private static TextEdits noiseLines(String text) {
        TextEdits edits = new TextEdits();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            if (!line.isBlank() && line.codePoints().noneMatch(Character::isLetterOrDigit)) {
                edits.replace(start, end, "");
            } else {
                java.util.regex.Matcher m = NOISE_MARKS.matcher(line);
                while (m.find()) {
                    edits.replace(start + m.start(), start + m.end(), "");
                }
            }
            start = end + 1;
        }
        return edits;
    }

    private NormalisedText fold(String in, List<Integer> inPageStarts) {
        StringBuilder out = new StringBuilder(in.length());
        List<Integer> starts = new ArrayList<>(inPageStarts.size());
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (isSpace(c) || isDropped(c)) {
                int j = i;
                int newlines = 0;
                boolean sawSpace = false;
                while (j < in.length() && (isSpace(in.charAt(j)) || isDropped(in.charAt(j)))) {
                    char w = in.charAt(j);
                    newlines += w == '\n' ? 1 : (w == '\f' || w == '\u2029') ? 2 : 0;
                    sawSpace |= isSpace(w);
                    j++;
                }
                if (out.length() > 0 && j < in.length()) {
                    boolean listItem = newlines == 1 && startsListItem(in, j);
                    boolean paragraph = newlines >= 2 && !continuesOverPage(out, in, i, j, inPageStarts);
                    out.append(paragraph || listItem ? NormalisedText.PARAGRAPH_BREAK : sawSpace || newlines > 0 ? " " : "");
                }
                i = j;
                continue;
            }
            // A page begins at the first visible character at or after its start in the input.
            while (starts.size() < inPageStarts.size() && inPageStarts.get(starts.size()) <= i) {
                starts.add(starts.isEmpty() ? 0 : out.length());
            }
            appendFolded(out, c);
            i++;
        }
        while (starts.size() < Math.max(1, inPageStarts.size())) {
            starts.add(starts.isEmpty() ? 0 : out.length());
        }
        return new NormalisedText(out.toString(), starts);
    }

    /**
     * Whether white space from {@code i} to {@code j} is only a page break inside a paragraph: a page
     * starts in it, the text before does not end a sentence, and the text after goes on in lower case.
     */
    private static boolean continuesOverPage(StringBuilder out, String in, int i, int j, List<Integer> pageStarts) {
        boolean pageBreak = pageStarts.stream().anyMatch(p -> p > i && p <= j);
        return pageBreak && ".!?:»”\"".indexOf(out.charAt(out.length() - 1)) < 0 && Character.isLowerCase(in.charAt(j));
    }

    /** A bullet or dash and a space at the start of a line begins a list item: its own paragraph. */
    private static boolean startsListItem(String in, int i) {
        return i + 1 < in.length() && "•◦▪‣⁃∙●-–*".indexOf(in.charAt(i)) >= 0 && isSpace(in.charAt(i + 1));
    }

    private static void appendFolded(StringBuilder out, char c) {
        switch (c) {
            case '\uFB00' -> out.append("ff");
            case '\uFB01' -> out.append("fi");
            case '\uFB02' -> out.append("fl");
            case '\uFB03' -> out.append("ffi");
            case '\uFB04' -> out.append("ffl");
            default -> out.append(c);
        }
    }

    /** White space of any kind, NBSP and thin spaces included. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Invisible characters that carry no text: soft hyphen, zero-width marks, BOM, control codes. */
    static boolean isDropped(char c) {
        return c == '\u00AD' || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF'
                || (Character.getType(c) == Character.CONTROL && !isSpace(c));
    }
}
