package no.evidens.models;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Persons named by a capital letter ({@code A lever isolert}, {@code Både A og B har det tungt nå}), as
 * case descriptions, court rulings and supervisors' reports name the people of a case (issue 15, round 9). A letter
 * is taught to its document where it stands as the subject of a clause: alone (not {@code A-laget}, not {@code A.}),
 * at a sentence's start or after a function word or a punctuation mark (not {@code plan B}, {@code Gruppe A}), and
 * before a verb in lower case (a word ending like a finite verb: {@code er}, {@code mener}, {@code eksponeres},
 * {@code ønsket}). Then every such letter standing alone in the document is a person, on the same conditions
 * but for the verb ({@code om både A og B som foreldre}). {@code I}, {@code O} and the Norwegian letters are left
 * out: an English pronoun, an interjection, the infinitive mark ({@code Å være}).
 */
final class LetterNames {
    /** Words that may stand before a letter that names someone, beside the function words. */
    private static final Set<String> BEFORE = Set.of("både", "også", "mellom", "ifølge", "mot", "til");
    /** Short finite verbs that end in none of {@link #FINITE_ENDINGS}. */
    private static final Set<String> VERBS = Set.of("har", "kan", "skal", "vil", "må", "sa", "fikk", "ble", "gikk", "var", "bor",
            "tar", "går", "får", "ser", "vet", "tror");
    /** Words joining two letters into one subject. */
    private static final Set<String> AND = Set.of("og", "eller");
    private static final List<String> FINITE_ENDINGS = List.of("er", "es", "te", "de", "et", "dde");

    private final Set<String> taught;

    private LetterNames(Set<String> taught) {
        this.taught = taught;
    }

    /** The letters the document uses as names. */
    static LetterNames of(List<String> sentences, List<List<TaggedSpan>> tokens) {
        Set<String> taught = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            String sentence = sentences.get(s);
            List<TaggedSpan> ts = tokens.get(s);
            for (int k = 0; k + 1 < ts.size(); k++) {
                if (standsAlone(sentence, ts, k) && verb(ts.get(k + 1).cut(sentence))) {
                    taught.add(ts.get(k).cut(sentence));
                }
                // two letters as one subject: A og B er …
                if (k + 3 < ts.size() && standsAlone(sentence, ts, k) && AND.contains(ts.get(k + 1).cut(sentence))
                        && standsAlone(sentence, ts, k + 2) && verb(ts.get(k + 3).cut(sentence))) {
                    taught.add(ts.get(k).cut(sentence));
                }
            }
        }
        return new LetterNames(Set.copyOf(taught));
    }

    /** The letters of one sentence that name a person, as person names, none overlapping {@code names}. */
    List<TaggedSpan> find(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names) {
        if (taught.isEmpty()) {
            return List.of();
        }
        List<TaggedSpan> out = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            TaggedSpan t = tokens.get(k);
            if (taught.contains(t.cut(sentence)) && standsAlone(sentence, tokens, k)
                    && names.stream().noneMatch(n -> n.start() < t.end() && t.start() < n.end())) {
                out.add(new TaggedSpan("PER", t.start(), t.end()));
            }
        }
        return out;
    }

    /** A capital letter alone, where a name stands: after nothing, a mark or a function word; before no hyphen, period or digit. */
    private static boolean standsAlone(String sentence, List<TaggedSpan> tokens, int k) {
        // the letter read from the sentence, not cut out of it: this is asked of every token of the document
        TaggedSpan token = tokens.get(k);
        char c = token.end() - token.start() == 1 ? sentence.charAt(token.start()) : 0;
        if (c < 'A' || c > 'Z' || c == 'I' || c == 'O') {
            return false;
        }
        int end = token.end();
        if (end < sentence.length() && ".-)’'&/".indexOf(sentence.charAt(end)) >= 0
                || end + 1 < sentence.length() && sentence.charAt(end) == ' ' && Character.isDigit(sentence.charAt(end + 1))) {
            return false;
        }
        if (k == 0) {
            return true;
        }
        String before = tokens.get(k - 1).cut(sentence);
        return !Character.isLetterOrDigit(before.charAt(before.length() - 1)) && !"-".equals(before) && !"(".equals(before)
                || UnknownWordNames.functionWord(before) || BEFORE.contains(before.toLowerCase(Locale.ROOT));
    }

    private static boolean verb(String word) {
        if (word.isEmpty() || !Character.isLowerCase(word.charAt(0)) || !word.chars().allMatch(Character::isLetter)
                || UnknownWordNames.functionWord(word)) {
            return false;
        }
        return VERBS.contains(word) || word.length() >= 2 && FINITE_ENDINGS.stream().anyMatch(word::endsWith);
    }
}
