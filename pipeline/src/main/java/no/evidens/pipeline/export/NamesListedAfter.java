package no.evidens.pipeline.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * Full names listed after a masked full name (issue 15, anonymisation round 29, chosen on the folds' stress run of
 * quarter 0): two capitalised words after a masked name of two words or more that is a person for sure (the model's person
 * guess, a name opening with a listed given name, or one of no listed or institution word) and {@code og}, {@code eller} or a comma ({@code mellom Kari Quillan og
 * Sony Bertelsen}, made up) are the next person of the list, also where the first word is one a list knows as a brand: the
 * list's first name says what the list holds. Not a listed place's word first ({@code Trondheim Symfoniorkester} after a
 * theatre masked by mistake, in quarter 1). The second word must be one that could
 * be a name ({@link Maskable#whateverTyped}); not a pair the model typed a place or organisation, nor one a
 * further capitalised word or a hyphen continues. Round 25 had tried this before the masked name before was one span.
 * (Not the models' {@code CoordinatedNames}, which types the names of a list while tagging.)
 */
final class NamesListedAfter {
    private NamesListedAfter() {
    }

    /** {@code og}, {@code eller} or a comma, then two capitalised words and no third ({@link PersonShapes#PAIR_END}). */
    private static final Pattern NEXT_PAIR = Pattern.compile("\\G(?: og | eller |, )(\\p{Lu}\\p{Ll}+) (\\p{Lu}\\p{Ll}+)"
            + PersonShapes.PAIR_END);

    /** Masks the full names listed right after a masked full name, until no more follow. */
    static void afterFullName(String text, List<TaggedSpan> spans, List<TaggedSpan> found, Set<String> lowerCase) {
        boolean grown = true;
        while (grown) {
            grown = false;
            for (TaggedSpan s : List.copyOf(spans)) {
                if (!PiiTagger.PERSON.equals(s.type()) || s.cut(text).indexOf(' ') < 0 || !surePerson(text, s, found)) {
                    continue;
                }
                Matcher m = NEXT_PAIR.matcher(text);
                if (!m.find(s.end()) || m.start() != s.end()) {
                    continue;
                }
                String first = m.group(1);
                String second = m.group(2);
                int a = m.start(1);
                int b = m.end(2);
                if (!firstWord(first, lowerCase) || !Maskable.whateverTyped(second, lowerCase)
                        || CuedNames.covered(spans, a, m.end(1)) || PersonShapes.otherName(found, a, b)) {
                    continue;
                }
                // the second word may be masked already (the model found it alone): the pair takes it in
                NameNeighbours.cover(spans, a, b);
                grown |= CuedNames.covered(spans, a, m.end(1));
            }
        }
    }

    /**
     * Whether the masked name before is a person for sure: the model's person guess, a name opening with a listed given
     * name, or one with no listed place's or firm's word, title or institution word in it (not a name some other rule
     * masked by mistake, {@code Trøndelag Teater, Trondheim Symfoniorkester}).
     */
    private static boolean surePerson(String text, TaggedSpan s, List<TaggedSpan> found) {
        if (found.stream().anyMatch(f -> "PER".equals(f.type()) && f.start() < s.end() && s.start() < f.end())
                || DocumentNames.isGivenName(TextWords.wordStartingAt(text, s.start()))) {
            return true;
        }
        for (String w : s.cut(text).split("[ -]")) {
            if (w.isEmpty() || DomainNames.shared().typeOf(w) != null || DocumentNames.isNoNameWord(w) || DocumentNames.isTitle(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A first word of a listed person: no listed place, function word, title, institution word or word the text writes in
     * lower case.
     */
    private static boolean firstWord(String word, Set<String> lowerCase) {
        return !"LOC".equals(DomainNames.shared().typeOf(word)) && !DocumentNames.isFunctionWord(word) && !DocumentNames.isTitle(word) && !DocumentNames.isNoNameWord(word)
                && !lowerCase.contains(word.toLowerCase(Locale.ROOT)) && !NamedSubject.opener(word);
    }
}
