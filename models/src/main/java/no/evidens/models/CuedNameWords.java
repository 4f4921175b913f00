package no.evidens.models;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Name words a person name teaches the rest of its document beyond the words of full names ({@link DocumentNames}
 * propagates them as it does those), issue 15 round 7:
 * <ul>
 *   <li>a person named by one word where a strong cue stands beside it: the speaker after a verb of saying at the end
 *       of a clause ({@code «…», sier Skarvhelle.}), a title or role word in lower case right before it or before it
 *       and a comma ({@code statsministeren, Okonkwo, …}), or an age in brackets after it ({@code Brekkå (41)}).
 *       Propagating every one-word person was tried in round 4 and made false persons of one wrong guess; a
 *       person with such a cue is one a reader would also take for a person, and the rest of the document names
 *       them by that word alone ({@code Ifølge Skarvhelle …}, {@code Okonkwo har …} opening a sentence);</li>
 *   <li>a full name in the genitive before a lower-case word ({@code Tindra Lauviks hage}): its last word without the
 *       {@code -s} is the surname, when the document writes that word alone too ({@code Lauvik svarte}); a name that
 *       ends in {@code -s} itself ({@code Aurelie Desprès en gang til}) teaches nothing new, as no word without the
 *       {@code -s} stands in the document.</li>
 * </ul>
 * The word itself must look like a name: capitalised letters, not in capitals only, not written in lower case in
 * the document, no listed place or organisation, no title, no institution word.
 */
final class CuedNameWords {
    /** What stands before the verb of saying of a speaker's cue: {@code «…», sier Skarvhelle} (not {@code svarer X:}). */
    private static final Set<String> ATTRIBUTION = Set.of(",", "»", "”", "\"", "–", "-");
    /** An age in brackets right after a name: {@code (41)}. */
    private static final Pattern AGE = Pattern.compile(" ?\\(\\d{1,3}\\)");
    /** Tokens that may close the clause after a speaker's name. */
    private static final Set<String> CLAUSE_END = Set.of(".", ",", ":", ";", "!", "?", "»", "”", "\"");

    private final Set<String> lowerCase;
    /** Every capitalised word of the document, lower-cased. */
    private final Set<String> capitalised;

    private CuedNameWords(Set<String> lowerCase, Set<String> capitalised) {
        this.lowerCase = lowerCase;
        this.capitalised = capitalised;
    }

    /** The rules for one document: its sentences, their tokens, and the words it writes in lower case. */
    static CuedNameWords of(List<String> sentences, List<List<TaggedSpan>> tokens, Set<String> lowerCase) {
        Set<String> capitalised = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            String sentence = sentences.get(s);
            for (TaggedSpan t : tokens.get(s)) {
                // the capital read from the sentence before the word is cut out of it: most words have none
                if (t.end() > t.start() && Character.isUpperCase(sentence.charAt(t.start()))) {
                    capitalised.add(t.cut(sentence).toLowerCase(Locale.ROOT));
                }
            }
        }
        return new CuedNameWords(lowerCase, capitalised);
    }

    /**
     * The words (lower case) that the person name {@code name} teaches its document, beside those of a full name.
     *
     * @param words the name's words, in order
     */
    Set<String> taught(String sentence, List<TaggedSpan> tokens, TaggedSpan name, List<String> words) {
        int first = indexAt(tokens, name.start());
        int last = indexAt(tokens, name.end() - 1);
        if (first < 0 || last < 0 || words.isEmpty()) {
            return Set.of();
        }
        String before = first > 0 ? tokens.get(first - 1).cut(sentence) : null;
        String after = last + 1 < tokens.size() ? tokens.get(last + 1).cut(sentence) : null;
        if (words.size() == 1) {
            String w = words.get(0);
            boolean speaker = NameCues.speech(before) && first > 1 && ATTRIBUTION.contains(tokens.get(first - 2).cut(sentence))
                    && (after == null || CLAUSE_END.contains(after));
            boolean titled = NameCues.titled(before) || ",".equals(before) && first > 1
                    && NameCues.titled(tokens.get(first - 2).cut(sentence)) && CLAUSE_END.contains(after);
            boolean aged = AGE.matcher(sentence).region(name.end(), sentence.length()).lookingAt();
            return (speaker || titled || aged) && nameWord(w) ? Set.of(w.toLowerCase(Locale.ROOT)) : Set.of();
        }
        String tail = words.get(words.size() - 1);
        if (tail.length() > 4 && tail.endsWith("s") && !tail.endsWith("ss") && after != null
                && Character.isLowerCase(after.charAt(0))) {
            String stem = tail.substring(0, tail.length() - 1);
            return nameWord(stem) && capitalised.contains(stem.toLowerCase(Locale.ROOT))
                    ? Set.of(stem.toLowerCase(Locale.ROOT)) : Set.of();
        }
        return Set.of();
    }

    private boolean nameWord(String w) {
        return w.length() >= 3 && DocumentNames.nameLike(w) && !w.equals(w.toUpperCase(Locale.ROOT))
                && !lowerCase.contains(w.toLowerCase(Locale.ROOT)) && DomainNames.shared().typeOf(w) == null
                && !DocumentNames.isNoNameWord(w);
    }

    private static int indexAt(List<TaggedSpan> tokens, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() <= offset && offset < tokens.get(k).end()) {
                return k;
            }
        }
        return -1;
    }
}
