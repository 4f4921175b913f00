package no.evidens.pipeline.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;
import no.evidens.models.TaggedSpan;

/**
 * Whether a capitalised word may be masked as a person's name word: not a word the texts also write in lower case, a
 * listed place or organisation, a title or a word that is no name; as the name model typed it here, or whatever it typed.
 */
final class Maskable {
    private Maskable() {
    }

    /** Whether every word of a name (split at spaces and hyphens) is {@link #whateverTyped}. */
    static boolean allWhateverTyped(String name, Set<String> lowerCase) {
        for (String w : name.split("[ -]")) {
            if (!whateverTyped(w, lowerCase)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #asTyped} whatever the model typed the word, and no function word or common noun's shape. */
    static boolean whateverTyped(String word, Set<String> lowerCase) {
        return !lowerCase.contains(word.toLowerCase(Locale.ROOT)) && DomainNames.shared().typeOf(word) == null
                && !DocumentNames.isTitle(word) && !DocumentNames.isNoNameWord(word) && !DocumentNames.isFunctionWord(word)
                && !DocumentNames.isCommonNounShape(word, lowerCase);
    }

    /** Unless the name model typed the word a place, organisation or other name here ({@code found}). */
    static boolean asTyped(String word, int[] at, List<TaggedSpan> found, Set<String> lowerCase) {
        String lower = word.toLowerCase(Locale.ROOT);
        return !lowerCase.contains(lower) && DomainNames.shared().typeOf(word) == null && !DocumentNames.isTitle(word)
                && !DocumentNames.isNoNameWord(word)
                && found.stream().noneMatch(f -> !"PER".equals(f.type()) && f.start() < at[1] && at[0] < f.end());
    }
}
