package no.evidens.models;

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
 *   <li>after a colon, the next word starts neither with an upper-case letter nor a dash
 *       ({@code Dato: 16.6.2011} stays whole);</li>
 *   <li>the word before is an {@link Abbreviations.Kind#INNER inner} abbreviation, or a
 *       {@link Abbreviations.Kind#FINAL final} one not followed by an upper-case letter;</li>
 *   <li>the word before is an initial ({@code B.}, {@code K.B.}) followed by an upper-case letter;</li>
 *   <li>the word before is a number with a period ({@code 1.}, {@code 2.3.}) that opens its line,
 *       i.e. a numbered heading or list item.</li>
 * </ul>
 * Not thread-safe (as no {@code *ME} class is): use one instance per thread.
 */
final class NorwegianSentenceDetector extends SentenceDetectorME {
    private static final Pattern INITIALS = Pattern.compile("(\\p{Lu}\\.)+");
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,3}(\\.\\d{1,3})*\\.");

    private final Abbreviations abbreviations;

    NorwegianSentenceDetector(SentenceModel model, Abbreviations abbreviations) {
        super(model);
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
            return Character.isUpperCase(nextChar) || first == '-' || first == '–';
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
        if (upperNext && INITIALS.matcher(word).matches()) {
            return false;
        }
        if (NUMBERED.matcher(word).matches() && opensLine(s, wordStart)) {
            return false;
        }
        return true;
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
