package no.evidens.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The other forms of a strong (irregular) verb a query word is a form of, with the noun the reports name its act
 * by: {@code henlagt} → {@code henla}, {@code henlegger}, {@code henleggelse}; {@code brøt} → {@code brudd},
 * {@code bryter}, {@code brutt}; {@code funnet} → {@code funn}. The stemmers cut by suffix, so a vowel change is never
 * joined ({@code henla} and {@code henlagt} are two stems), and {@link WordForms}' rule of a verb's noun of action
 * only knows the weak verbs. An auditor asks with one form ({@code ble saken henlagt}) while the report writes
 * another ({@code barnevernstjenesten henla meldingen}, {@code henleggelse av saken}).
 *
 * <p>Each family is a short list of endings; a word ending in one of them (after a prefix of at least
 * {@code minPrefix} letters, so that a bare {@code la} or {@code satt} is not read as a verb) gains the same
 * prefix with every other ending. A form that is no word costs a look-up that finds nothing. Written here rather
 * than taken from a lexicon because no stemmer or morphology library on the classpath lists Norwegian strong
 * verbs with their nouns; the families are the few verbs audit reports state findings with.
 */
final class StrongVerbs {
    /** A verb's forms, Bokmål and Nynorsk, and the shortest prefix a word needs before them. */
    private record Family(int minPrefix, List<String> endings) {
    }

    private static final List<Family> FAMILIES = List.of(
            // henlegge, fastlegge, tilrettelegge, utlegge: la, lagt, leggelse
            new Family(3, List.of("legge", "legger", "leggje", "la", "lagt", "leggelse", "legging")),
            // iverksette, fastsette, ansette: satte, satt, settelse
            new Family(3, List.of("sette", "setter", "setje", "satte", "satt", "settelse", "setting")),
            // ivareta, overta, innta: tok, tatt, takelse
            new Family(3, List.of("ta", "tar", "tek", "tok", "tatt", "teke", "takelse", "taking")),
            // bryte (brøt, brutt), and the noun an auditor reads: brudd, lovbrudd; Nynorsk braut, broten, brot
            new Family(0, List.of("bryte", "bryter", "brøt", "brutt", "brudd", "braut", "broten", "brot")),
            // finne (fant, funnet), the noun funn; Nynorsk fann, funne
            new Family(0, List.of("finne", "finner", "fant", "funnet", "funn", "fann", "funne")));

    private StrongVerbs() {
    }

    /** The other forms of the strong verb {@code word} is a form of (none when it is none). */
    static List<String> forms(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (Family f : FAMILIES) {
            String ending = longestEnding(f, w);
            if (ending == null) {
                continue;
            }
            String prefix = w.substring(0, w.length() - ending.length());
            for (String other : f.endings()) {
                if (!other.equals(ending)) {
                    out.add(prefix + other);
                }
            }
        }
        return out;
    }

    private static String longestEnding(Family f, String w) {
        String best = null;
        for (String e : f.endings()) {
            boolean fits = w.endsWith(e) && w.length() - e.length() >= f.minPrefix()
                    && w.substring(0, w.length() - e.length()).chars().allMatch(Character::isLetter);
            if (fits && (best == null || e.length() > best.length())) {
                best = e;
            }
        }
        return best;
    }
}
