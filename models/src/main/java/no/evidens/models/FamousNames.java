package no.evidens.models;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Public figures that news and essays name by one word, mostly the surname alone ({@code Blair}, {@code Kafkas},
 * {@code Napoleon}, {@code ros fra Støre}): {@code names/famous-persons.txt}, written for Evidens from public facts.
 * The name model knows few of them outside a full name, and neither a given name nor a surname's shape points at
 * them, so they are listed. A line marked {@code =} counts only as the whole name (its last word is an everyday word
 * or a place: {@code Usain Bolt}). Plain set look-ups, case-insensitive, with a genitive -s allowed.
 */
final class FamousNames {
    private static final FamousNames SHARED = load();

    /** The whole names, lower case. */
    private final Set<String> fullNames;
    /** The words a text names each person by alone (the last word of each name not marked =), lower case. */
    private final Set<String> byOneWord;

    private FamousNames(Set<String> fullNames, Set<String> byOneWord) {
        this.fullNames = fullNames;
        this.byOneWord = byOneWord;
    }

    static FamousNames shared() {
        return SHARED;
    }

    /** Whether the name (one word or the whole name, genitive -s allowed) names a listed public figure. */
    boolean isFamous(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        String base = n.length() > 3 && n.endsWith("s") ? n.substring(0, n.length() - 1) : n;
        if (n.indexOf(' ') > 0) {
            return fullNames.contains(n) || fullNames.contains(base);
        }
        return byOneWord.contains(n) || byOneWord.contains(base);
    }

    private static FamousNames load() {
        Set<String> full = new HashSet<>();
        Set<String> oneWord = new HashSet<>();
        for (String line : NameCues.load("famous-persons.txt")) {
            boolean wholeOnly = line.startsWith("=");
            String name = wholeOnly ? line.substring(1).strip() : line;
            full.add(name);
            if (!wholeOnly) {
                oneWord.add(name.substring(name.lastIndexOf(' ') + 1));
            }
        }
        return new FamousNames(Set.copyOf(full), Set.copyOf(oneWord));
    }
}
