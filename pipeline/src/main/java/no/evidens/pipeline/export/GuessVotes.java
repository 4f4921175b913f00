package no.evidens.pipeline.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;

/**
 * Which words of one of the name model's place, organisation or other guesses count as explained by it, where the
 * {@link Anonymiser} weighs a capitalised word's uses in the document against such guesses (round 17's share): round 29
 * of anonymisation (issue 15, chosen on the folds' stress runs and the treebank dev files only) leaves two kinds of words
 * out of that count, each one the model's guesses had explained away where the model had lost the person:
 * <ul>
 *   <li>a listed given name guessed alone as a place ({@code kjenner til Kari fra før}, made up: a place preposition before
 *       it), where no list knows the word as a place or organisation: one lone guess is the model's reading of the
 *       preposition, not of the name (not an organisation's guess: a club named by a given name, {@code Odd}, masked 2
 *       more words on the folds);</li>
 *   <li>a full name the model ran an institution's name into ({@code … Høyskole Zorbek Bertelsen}, made up): the last two
 *       words of a guess of three words or more, the last a surname (listed or of a surname's shape, never written in lower case) and the one before it
 *       a word that could be a name, right after a word with a common noun's or an institution word's shape.</li>
 * </ul>
 */
final class GuessVotes {
    private GuessVotes() {
    }

    /** The model's type of a place guess. */
    private static final String PLACE = "LOC";

    /** The fewest words of a guess an institution's name and a full name after it make. */
    private static final int INSTITUTION_AND_NAME = 3;

    /** The words of a guess (its text) that count as explained by it. */
    static List<String> explained(String guess, String type, Set<String> lowerCase) {
        String[] words = guess.split("[^\\p{L}]+");
        List<String> out = new ArrayList<>(List.of(words));
        out.removeIf(String::isEmpty);
        if (out.size() == 1 && PLACE.equals(type) && loneGivenName(out.get(0))) {
            return List.of();
        }
        int n = out.size();
        if (n >= INSTITUTION_AND_NAME && fullNameAfterInstitution(out.get(n - 3), out.get(n - 2), out.get(n - 1), lowerCase)) {
            return out.subList(0, n - 2);
        }
        return out;
    }

    /** A listed given name no list knows as a place or organisation. */
    private static boolean loneGivenName(String word) {
        return DocumentNames.isGivenName(word) && DomainNames.shared().typeOf(word) == null && !DocumentNames.isFunctionWord(word);
    }

    private static boolean fullNameAfterInstitution(String institution, String given, String surname, Set<String> lowerCase) {
        return (DocumentNames.isNoNameWord(institution) || DocumentNames.isCommonNounShape(institution, lowerCase))
                && Character.isUpperCase(given.charAt(0)) && Character.isUpperCase(surname.charAt(0))
                && Anonymiser.maskableWhateverTyped(given, lowerCase)
                && DocumentNames.isPersonNameWord(surname) && DomainNames.shared().typeOf(surname) == null
                && !lowerCase.contains(surname.toLowerCase(Locale.ROOT));
    }
}
