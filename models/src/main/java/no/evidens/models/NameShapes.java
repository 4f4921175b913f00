package no.evidens.models;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a capitalised word looks like a surname: one of {@code names/surnames.txt} (common surnames in
 * Norway, Norwegian and immigrant, written for Evidens from public name statistics), or a word of a surname's
 * shape — a patronymic in {@code -sen}/{@code -son} after a consonant ({@code Bertelsen}, {@code Gulliksen},
 * {@code Karlsson}; not {@code Avisen}, {@code Prisen}, nor {@code -ssen}, which is mostly a noun's definite form:
 * {@code Klassen}, {@code Kongressen}; the {@code -ssen} surnames are listed), or a Slavic, Baltic, Greek, Romanian, Turkish or
 * Persian ending, or the Nordic {@code -strøm}/{@code -ström} ({@code Lindstrøm}) ({@code -ović}, {@code -enko}, {@code -ski}, {@code -auskas}, {@code -poulos}, {@code -escu},
 * {@code -oğlu}, {@code -zadeh}). A genitive {@code -s} is allowed ({@code Bertelsens}). The caller checks that
 * the document does not write the word in lower case ({@code Klassen}, {@code Bussen} at a sentence start),
 * which is why a shape alone is asked for only inside a sentence.
 */
final class NameShapes {
    private static final Set<String> SURNAMES = NameCues.load("surnames.txt");
    /** Endings that make a capitalised word a surname. */
    private static final Pattern SHAPE = Pattern.compile(
            "(?u)\\p{Lu}\\p{L}*(?:[bcdfgklmnprtvxz]sen|[bcdfgklmnprtvxz]s?son)"
                    + "|\\p{Lu}\\p{L}+(?:ović|ovic|ević|evic|ić|enko|chuk|czyk|owski|ewski|inski|ynski|auskas|aite"
                    + "|poulos|opoulos|akis|escu|oğlu|oglu|zadeh|ashvili|strøm|ström)");

    private NameShapes() {
    }

    /** A listed surname, or a word of a surname's shape (genitive -s allowed). */
    static boolean isSurname(String word) {
        return isListed(word) || hasShape(word);
    }

    /** A surname of the list (genitive -s allowed). */
    static boolean isListed(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return SURNAMES.contains(w) || w.length() > 3 && w.endsWith("s") && SURNAMES.contains(w.substring(0, w.length() - 1));
    }

    /** A word of a surname's shape ({@code Bertelsen}, {@code Bertelsens}, {@code Jovanović}). */
    static boolean hasShape(String word) {
        String w = word.length() > 4 && word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
        if (NOUN_IN_ELSE.matcher(w).matches() || w.toLowerCase(Locale.ROOT).endsWith("person")) {
            return false;
        }
        return SHAPE.matcher(w).matches() || SHAPE.matcher(word).matches();
    }

    /**
     * The definite form of a noun in {@code -else} ({@code Ledelsen}, {@code Opplevelsen}, {@code Bestemmelsen}), which a
     * heading capitalises; the {@code -elsen} surnames mostly have k, t, h, c or i before it (Mikkelsen, Bertelsen,
     * Michelsen, Nielsen).
     */
    private static final Pattern NOUN_IN_ELSE = Pattern.compile("(?u)\\p{L}+[^kthci]elsen");
}
