package no.evidens.pipeline.export;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;

/**
 * The persons met so far: each a set of the words of its names, and the names of two words or more it was met by. Their
 * numbers hold for a whole export ({@link #nextFinding}); which words are known as names ({@link #known}) only for the
 * persons met in the finding at hand, so that a word wrongly masked in one finding does not spread to every other.
 */
public final class Persons {
    /** The shortest word read as a misspelt name word ({@link #knownButOneLetter}). */
    private static final int MISSPELT_MIN = 5;

    private final List<Set<String>> all;
    private final List<List<Set<String>>> fullNames;
    /** Every name masked in the export so far, as the text wrote it (in memory only: never logged or written). */
    private final Set<String> masked;
    /** The persons met in this finding, in the order of {@link #all}. */
    private final List<Set<String>> persons = new ArrayList<>();

    public Persons() {
        this(new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>());
    }

    private Persons(List<Set<String>> all, List<List<Set<String>>> fullNames, Set<String> masked) {
        this.all = all;
        this.fullNames = fullNames;
        this.masked = masked;
    }

    /** The persons of the next finding of the same export: the same numbers, no name word known yet. */
    public Persons nextFinding() {
        return new Persons(all, fullNames, masked);
    }

    /** The names masked so far in the whole export, as written where they were masked, in the order met. */
    public Set<String> masked() {
        return Collections.unmodifiableSet(masked);
    }

    /**
     * The number of the person this name belongs to (1, 2, …): one that shares a word with it, else a new one. Two full
     * names are one person only when one's words hold the other's ({@code Kari Nordmann}, {@code Kari Anne Nordmann}):
     * {@code Linn Storvik} and {@code Roar Storvik} share their surname and are two persons, as are {@code Anders Nygård}
     * and {@code Anders Moe}. A name of one word is the first person met with that word.
     */
    int numberOf(String name) {
        masked.add(name);
        Set<String> words = words(name);
        for (int i = 0; i < all.size(); i++) {
            Set<String> person = all.get(i);
            if (sharesAWord(person, words) && !anotherFullName(fullNames.get(i), words)) {
                person.addAll(words);
                if (words.size() > 1) {
                    fullNames.get(i).add(words);
                }
                if (persons.stream().noneMatch(p -> p == person)) {
                    persons.add(person);
                }
                return i + 1;
            }
        }
        all.add(words);
        fullNames.add(new ArrayList<>(words.size() > 1 ? List.of(words) : List.of()));
        persons.add(words);
        return all.size();
    }

    private static boolean sharesAWord(Set<String> person, Set<String> words) {
        return words.stream().anyMatch(person::contains);
    }

    /** Whether a name of two words or more is another than one of the full names a person was met by. */
    private static boolean anotherFullName(List<Set<String>> known, Set<String> words) {
        return words.size() > 1 && known.stream().anyMatch(k -> !k.containsAll(words) && !words.containsAll(k));
    }

    boolean known(String word) {
        Set<String> w = words(word);
        return !w.isEmpty() && persons.stream().anyMatch(p -> p.containsAll(w));
    }

    /**
     * Whether the word is a known person's name word with one letter dropped ({@code Thommesen} for {@code
     * Thommessen}, {@code Strandø} for {@code Strandbø}: a misspelt surname; round 13), or with the same letters in
     * another order after the same first letter ({@code Qulilan} for {@code Quillan}, made up: letters typed in the wrong
     * order; round 19); words of five letters or more. Round 30 (the written stress set q5): also with one letter added
     * ({@code Oppedahl} for {@code Oppedal}, the known word five letters or more) or written without its diacritics.
     */
    boolean knownButOneLetter(String word) {
        Set<String> stems = words(word);
        if (stems.size() != 1) {
            return false;
        }
        String w = stems.iterator().next();
        if (w.length() < MISSPELT_MIN) {
            return false;
        }
        for (Set<String> person : persons) {
            for (String known : person) {
                if (known.length() == w.length() + 1 && dropsOneLetter(known, w)
                        || known.length() == w.length() && (reordered(known, w) || sameButMarks(known, w))
                        || known.length() + 1 == w.length() && known.length() >= MISSPELT_MIN && dropsOneLetter(w, known)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether two different words are the same letters but for diacritics ({@code Zielinski} for {@code Zieliński}, a name
     * written without its language's marks; round 30, the written stress set q5). Only marks that Unicode decomposition
     * separates, and never å (æ and ø have none): the Nordic letters stay letters of their own.
     */
    private static boolean sameButMarks(String known, String word) {
        return !known.equals(word) && bare(known).equals(bare(word));
    }

    private static String bare(String word) {
        // å protected from the decomposition (a and a ring): Håkon and Hakon are two spellings Norwegian keeps apart
        return MARKS.matcher(Normalizer.normalize(word.replace('å', '\u0001'), Normalizer.Form.NFD)).replaceAll("");
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Whether two different words of one length have the same first letter and the same letters. */
    private static boolean reordered(String known, String word) {
        if (known.equals(word) || known.charAt(0) != word.charAt(0)) {
            return false;
        }
        char[] a = known.toCharArray();
        char[] b = word.toCharArray();
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b);
    }

    private static boolean dropsOneLetter(String longer, String shorter) {
        int i = 0;
        while (i < shorter.length() && longer.charAt(i) == shorter.charAt(i)) {
            i++;
        }
        // the first difference is the dropped letter; the rest must agree (not the first letter: another name)
        return i > 0 && longer.substring(i + 1).equals(shorter.substring(i));
    }

    private static Set<String> words(String name) {
        Set<String> out = new HashSet<>();
        for (String w : name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() > 1) {
                // the genitive -s off, unless that leaves a function word: Hans (a given name) is not Han's genitive,
                // or every sentence opening with the pronoun Han is masked in a document naming a Hans (round 20)
                String bare = w.endsWith("s") && w.length() > 3 ? w.substring(0, w.length() - 1) : w;
                out.add(DocumentNames.isFunctionWord(bare) ? w : bare);
            }
        }
        return out;
    }
}
