package no.evidens.pipeline.export;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

import no.evidens.models.DocumentNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/** Masked names grown to the capitalised words right beside them, and masked names that touch joined into one. */
final class NameWidening {
    private NameWidening() {
    }

    /**
     * Joins the capitalised words right beside a masked person name to it, until no more join. Round 13: a word the model
     * put in a place or organisation guess joins too, but only right before a name that is a person's for sure — the
     * model's person guess there or a person's name found in the document ({@code Gaius Julius Cæsar}, {@code Datuk Seri
     * Najib Razak}, {@code … Høyskole Falko Karlsen}: the guess swallowed the name's first words), and unless the word
     * is no name by itself; not after the name (a firm's or a place's words: {@code Lunde Marine Group}).
     */
    static void widen(String text, List<TaggedSpan> spans, List<int[]> words, List<TaggedSpan> found,
                              Set<String> lowerCase, Persons seen) {
        boolean grown = true;
        while (grown) {
            grown = false;
            for (int[] w : words) {
                if (spans.stream().anyMatch(s -> s.start() < w[1] && w[0] < s.end())) {
                    continue;
                }
                String word = text.substring(w[0], w[1]);
                if (TextWords.opening(text, w[0]) && !TextWords.inHyphenPair(text, w[0], w[1]) && NamedSubject.opener(word)) {
                    continue; // round 20: Ifølge, Allikevel, Torsdag opening a sentence before a name are not its first word
                }
                if (functionWordOfName(text, w, spans)) {
                    grown = true;
                    continue;
                }
                // round 18 (the stress run of the folds): a half of a capitalised pair X-Y (Marc-Andre, Jung-Il) and a word right
                // after a masked listed given name inside a sentence (Joseph Heller) join also where the text writes the word
                // in lower case (andre, heller; dae-jung): a sentence's opening cannot explain their capital
                boolean maskableHere = Maskable.asTyped(word, w, found, lowerCase)
                        || (TextWords.inHyphenPair(text, w[0], w[1]) || afterGivenName(text, w[0], spans) && !TextWords.opening(text, w[0])
                                && !DocumentNames.isFunctionWord(word)) && Maskable.asTyped(word, w, found, Set.of());
                boolean overGuess = !maskableHere && Maskable.whateverTyped(word, lowerCase);
                if (!maskableHere && !overGuess) {
                    // a listed given name right before a masked name, also one the text writes in lower case (Hans); round 25,
                    // also one a list knows as an organisation or place too (Finn, the classifieds site's name): before a
                    // masked name it is the given name (the stress runs of the dev files left it before a masked surname)
                    if (DocumentNames.isGivenName(word)
                            && spans.stream().anyMatch(s -> PiiTagger.PERSON.equals(s.type()) && w[1] + 1 == s.start()
                                    && text.charAt(w[1]) == ' ')) {
                        for (int i = 0; i < spans.size(); i++) {
                            TaggedSpan s = spans.get(i);
                            if (PiiTagger.PERSON.equals(s.type()) && w[1] + 1 == s.start()) {
                                spans.set(i, new TaggedSpan(PiiTagger.PERSON, w[0], s.end()));
                                grown = true;
                                break;
                            }
                        }
                    }
                    continue;
                }
                for (int i = 0; i < spans.size() && !grown; i++) {
                    TaggedSpan s = spans.get(i);
                    boolean joins = overGuess ? gap(text, w[1], s.start()) && surePerson(text, s, found, seen)
                            : gap(text, w[1], s.start()) || gap(text, s.end(), w[0]) || abbreviated(text, s.end(), w[0]);
                    if (PiiTagger.PERSON.equals(s.type()) && joins) {
                        spans.set(i, new TaggedSpan(PiiTagger.PERSON, Math.min(s.start(), w[0]), Math.max(s.end(), w[1])));
                        grown = true;
                    }
                }
            }
        }
    }

    /** Personal pronouns that a nickname may open ({@link #functionWordOfName}). */
    private static final Set<String> PRONOUNS = Set.of("han", "hun");

    /**
     * Joins a personal pronoun written with a capital inside a sentence to the masked name right after it, one space between
     * ({@code skiller ikke Hun Lille mellom}, a blog's nickname; round 21, chosen on the folds): inside a sentence only a
     * name gives it its capital. Not any function word: {@code Det Ville Vesten}, {@code De Radikale} and {@code The Times}
     * beside a word masked by mistake masked 6 more words on the folds for no leak fixed. Whether it joined.
     */
    private static boolean functionWordOfName(String text, int[] w, List<TaggedSpan> spans) {
        String word = text.substring(w[0], w[1]);
        if (!PRONOUNS.contains(word.toLowerCase(Locale.ROOT)) || TextWords.opening(text, w[0])
                || w[1] >= text.length() || text.charAt(w[1]) != ' ') {
            return false;
        }
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            if (PiiTagger.PERSON.equals(s.type()) && s.start() == w[1] + 1) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, w[0], s.end()));
                return true;
            }
        }
        return false;
    }

    /** Whether a masked name ending in a listed given name (not a genitive) stands right before, one space between. */
    private static boolean afterGivenName(String text, int start, List<TaggedSpan> spans) {
        if (start < 2 || text.charAt(start - 1) != ' ') {
            return false;
        }
        String before = TextWords.wordEndingAt(text, start - 1);
        return before != null && NameNeighbours.bareGivenName(before)
                && spans.stream().anyMatch(s -> PiiTagger.PERSON.equals(s.type()) && s.end() == start - 1);
    }

    /**
     * Joins masked names that touch with one space or a hyphen between into one ({@code May} {@code Kari} {@code Vossmo}
     * masked word by word): one person's name, so that what reads a full name ({@link NameNeighbours#placeSurnames}) sees it
     * whole and the placeholder is one (round 18).
     */
    static void joinTouching(String text, List<TaggedSpan> spans) {
        spans.sort(Comparator.comparingInt(TaggedSpan::start));
        for (int i = 0; i + 1 < spans.size(); i++) {
            TaggedSpan a = spans.get(i);
            TaggedSpan b = spans.get(i + 1);
            if (PiiTagger.PERSON.equals(a.type()) && PiiTagger.PERSON.equals(b.type()) && b.start() == a.end() + 1
                    && (text.charAt(a.end()) == ' ' || text.charAt(a.end()) == '-')) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, a.start(), b.end()));
                spans.remove(i + 1);
                i--;
            }
        }
    }

    /** Whether a masked span is the model's person guess here or holds a person's name word found in the document. */
    private static boolean surePerson(String text, TaggedSpan s, List<TaggedSpan> found, Persons seen) {
        if (found.stream().anyMatch(f -> "PER".equals(f.type()) && f.start() < s.end() && s.start() < f.end())) {
            return true;
        }
        Matcher m = TextWords.CAPITALISED.matcher(text).region(s.start(), s.end());
        while (m.find()) {
            if (seen.known(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** Longest abbreviated name word read by {@link #abbreviated}. */
    private static final int ABBREVIATION = 3;

    /**
     * Whether a masked name ends in an abbreviated name word and its period and the word comes right after ({@code
     * Thomas Chr. Wessel}; round 10): the name goes on after the period.
     */
    private static boolean abbreviated(String text, int from, int to) {
        if (to - from != 2 || !text.startsWith(". ", from)) {
            return false;
        }
        int start = from;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return from - start >= 2 && from - start <= ABBREVIATION && Character.isUpperCase(text.charAt(start));
    }

    private static boolean gap(String text, int from, int to) {
        return from <= to && to - from <= 1 && (from == to || text.charAt(from) == ' ' || text.charAt(from) == '-');
    }
}
