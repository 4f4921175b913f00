package no.evidens.models;

import java.util.Set;
import java.util.regex.Pattern;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * OpenNLP's maximum-entropy sentence detector with Norwegian vetoes on breaks the model proposes.
 *
 * <p>OpenNLP offers {@link #isAcceptableBreak} for exactly this: a model trained on newspaper text
 * must not split audit text inside {@code jf. bvl. § 6-4}, {@code 1. januar 2015}, {@code 16.6.2011},
 * {@code kl. 10.00}, {@code Kari B. Nilsen} or a numbered heading. A break is refused when
 * <ul>
 *   <li>the end-of-sentence character sits inside a token ({@code 16.6.2011}, {@code 2.3.4}, {@code www.x.no});</li>
 *   <li>the next word starts with a lower-case letter (Norwegian sentences do not);</li>
 *   <li>after a colon, the next word starts neither with an upper-case letter nor a dash, nor is a quotation
 *       opened with an ellipsis ({@code Dato: 16.6.2011} stays whole; {@code han sa: «...og så gikk vi»} may break);</li>
 *   <li>the word before is an {@link Abbreviations.Kind#INNER inner} abbreviation, or a
 *       {@link Abbreviations.Kind#FINAL final} one not followed by an upper-case letter;</li>
 *   <li>the word before is an initial ({@code B.}, {@code K.B.}) followed by an upper-case word, unless that
 *       word is one a sentence opens with and no name is ({@code Washington D.C. Tidligere i år …});</li>
 *   <li>the word before is a number with a period ({@code 1.}, {@code 2.3.}) that opens its line,
 *       i.e. a numbered heading or list item.</li>
 * </ul>
 * Not thread-safe (as no {@code *ME} class is): use one instance per thread.
 */
final class NorwegianSentenceDetector extends SentenceDetectorME {
    private static final Pattern INITIALS = Pattern.compile("(\\p{Lu}\\.)+");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,3}(\\.\\d{1,3})*\\.");
    /** Words a Norwegian sentence often opens with that are no name, so no initial stands before them. */
    private static final Set<String> OPENERS = Set.of("Det", "Den", "De", "Dette", "Disse", "Han", "Hun", "Vi",
            "Jeg", "Du", "Dere", "Men", "Og", "Så", "Da", "Nå", "Her", "Der", "I", "På", "Etter", "Før", "Tidligere",
            "Senere", "Som", "Når", "Hvis", "Mens", "Hva", "Hvem", "Hvor", "Hvorfor", "Ifølge", "Samtidig", "Likevel",
            "Dermed", "Derfor", "Også", "Blant", "Under", "Med", "Uten", "For", "Fra", "Til", "Ved", "Av", "Om");

    private final Abbreviations abbreviations;

    /**
     * OpenNLP's detector for {@code model}, its parts made by {@link SentenceAbbreviations#parts}: the constructor that
     * takes them is deprecated (OpenNLP would have the model's own factory make them), but it is the one way to give
     * the context generator a set of abbreviations that does not file every word it is asked in OpenNLP's interner.
     */
    @SuppressWarnings("deprecation")
    NorwegianSentenceDetector(SentenceModel model, Abbreviations abbreviations) {
        super(model, SentenceAbbreviations.parts(model));
        this.abbreviations = abbreviations;
    }

    @Override
    protected boolean isAcceptableBreak(CharSequence s, int fromIndex, int candidateIndex) {
        return acceptable(s, fromIndex, candidateIndex, abbreviations);
    }

    /** The veto rules above, on their own so that they can be tested without a model. */
    static boolean acceptable(CharSequence s, int fromIndex, int candidateIndex, Abbreviations abbreviations) {
        int length = s.length();
        char eos = s.charAt(candidateIndex);
        if (candidateIndex + 1 < length && Character.isLetterOrDigit(s.charAt(candidateIndex + 1))) {
            return false; // inside a token: 16.6.2011, 2.3.4, f.eks (the last period decides)
        }
        int tokenEnd = candidateIndex + 1;
        while (tokenEnd < length && !Character.isWhitespace(s.charAt(tokenEnd))) {
            tokenEnd++;
        }
        int next = tokenEnd;
        while (next < length && Character.isWhitespace(s.charAt(next))) {
            next++;
        }
        if (next >= length) {
            return true;
        }
        int following = next;
        while (following < length && isOpeningPunctuation(s.charAt(following))) {
            following++;
        }
        char nextChar = following < length ? s.charAt(following) : s.charAt(next);
        if (Character.isLowerCase(nextChar)) {
            return false;
        }
        if (eos == ':') {
            // "Foto: Reuters", «…: «Sitat»» and dialogue dashes may start a sentence; "Dato: 16.6.2011" does not
            char first = s.charAt(next);
            return Character.isUpperCase(nextChar) || first == '-' || first == '–' || opensCutQuotation(s, next);
        }
        if (eos != '.') {
            return true;
        }
        int wordStart = candidateIndex;
        while (wordStart > fromIndex && !Character.isWhitespace(s.charAt(wordStart - 1))) {
            wordStart--;
        }
        while (wordStart < candidateIndex && isOpeningPunctuation(s.charAt(wordStart))) {
            wordStart++;
        }
        String word = s.subSequence(wordStart, candidateIndex + 1).toString();
        boolean upperNext = Character.isUpperCase(nextChar);
        Abbreviations.Kind kind = abbreviations.kindOf(word);
        if (kind == Abbreviations.Kind.INNER) {
            return false;
        }
        if (kind == Abbreviations.Kind.FINAL) {
            return upperNext;
        }
        if (upperNext && INITIALS.matcher(word).matches() && !OPENERS.contains(wordAt(s, following))) {
            return false;
        }
        if (NUMBERED.matcher(word).matches() && opensLine(s, wordStart)) {
            return false;
        }
        return true;
    }

    /** A quotation opened with an ellipsis: {@code «...han}, {@code « ... where}, {@code «…}. */
    private static boolean opensCutQuotation(CharSequence s, int at) {
        if (s.charAt(at) != '«') {
            return false;
        }
        int i = at + 1;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        boolean cut = i < s.length() && (s.charAt(i) == '…' || s.subSequence(i, Math.min(s.length(), i + 3)).toString().equals("..."));
        return cut && endsSentence(s, at);
    }

    /** The quotation opened at {@code open} closes a sentence: {@code ?»}, {@code !»}, {@code ».}, or its paragraph. */
    private static boolean endsSentence(CharSequence s, int open) {
        int close = -1;
        for (int i = open + 1; i < s.length() && i < open + 600; i++) {
            if (s.charAt(i) == '»') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return false;
        }
        int before = close - 1;
        while (before > open && s.charAt(before) == ' ') {
            before--;
        }
        int after = close + 1;
        while (after < s.length() && s.charAt(after) == ' ') {
            after++;
        }
        return "?!".indexOf(s.charAt(before)) >= 0 || after >= s.length() || ".!?\n".indexOf(s.charAt(after)) >= 0;
    }

    /** The letters from {@code at} on. */
    private static String wordAt(CharSequence s, int at) {
        int end = at;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return s.subSequence(at, end).toString();
    }

    private static boolean opensLine(CharSequence s, int index) {
        for (int i = index - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (!Character.isWhitespace(c) && !isBullet(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isBullet(char c) {
        return c == '•' || c == '●' || c == '▪' || c == '◦' || c == '‣' || c == '∙' || c == '·'
                || c == '*' || c == '-' || c == '–' || c == '\uF0B7';
    }

    private static boolean isOpeningPunctuation(char c) {
        return c == '«' || c == '"' || c == '“' || c == '(' || c == '[' || c == '‹' || c == '\'';
    }
}
