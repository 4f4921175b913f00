package no.evidens.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Two cases where a word next to a person's name is a person too, though the model typed it as a place or an
 * organisation or left it untagged (issue 15, round 11), for {@link DocumentNames}:
 * <ul>
 *   <li>a listed given name right before a one-word place or organisation guess ({@code Kevin Wao}): the model, having
 *       met the short or foreign surname rarely, typed it alone; the two are one person's name, so the place guess is
 *       retyped and joined to the given name (not after a place preposition, not a listed place or organisation, not a
 *       word the document writes in lower case);</li>
 *   <li>the role in a cast list written {@code Omar Sy som Driss}: a full person name, {@code som}, one capitalised word
 *       and then the clause ends ({@code .}, {@code ,}, {@code og}, a bracket). A film or a play is told by its roles'
 *       names, which the model has rarely seen; the role is a person the rest of the text names alone.</li>
 * </ul>
 * The words asked for are the same as elsewhere: capitalised letters, not in capitals only, no listed place or
 * organisation, none written in lower case in the document, no title or institution word.
 */
final class AdjacentNames {
    /** What may close the clause after a role's name: {@code som Driss.}, {@code som Driss og …}. */
    private static final Set<String> ROLE_END = Set.of(".", ",", ";", ":", "!", "?", ")", "og", "»", "”", "\"");

    private AdjacentNames() {
    }

    /**
     * The sentence's names with both cases made persons.
     *
     * @param lowerCase the words the document writes in lower case
     */
    static List<TaggedSpan> join(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names, Set<String> lowerCase) {
        List<TaggedSpan> out = new ArrayList<>(names);
        for (int n = 0; n < out.size(); n++) {
            TaggedSpan name = out.get(n);
            int k = tokenAt(tokens, name.start());
            if ("PER".equals(name.type()) || k < 0 || tokenAt(tokens, name.end() - 1) != k || !word(name.cut(sentence), lowerCase)
                    || NameCues.placeWord(k > 0 ? tokens.get(k - 1).cut(sentence) : null)) {
                continue;
            }
            TaggedSpan given = k > 0 ? tokens.get(k - 1) : null;
            if (given != null && given.end() + 1 == name.start() && sentence.charAt(given.end()) == ' '
                    && Character.isUpperCase(given.cut(sentence).charAt(0)) && NameCues.isGivenName(given.cut(sentence))
                    && !lowerCase.contains(given.cut(sentence).toLowerCase(Locale.ROOT))
                    && !NameCues.placeWord(k > 1 ? tokens.get(k - 2).cut(sentence) : null)) {
                TaggedSpan joined = new TaggedSpan("PER", given.start(), name.end());
                // the given name may stand alone as a person already (the cues found it): the joined name replaces it
                out.removeIf(o -> o != name && o.start() < joined.end() && joined.start() < o.end());
                out.set(out.indexOf(name), joined);
                n = -1;
            }
        }
        out.sort(Comparator.comparingInt(TaggedSpan::start));
        return out;
    }

    /**
     * The role names of the sentence's cast list ({@code Omar Sy som Driss}), as person spans: the caller adds them and
     * teaches their word to the document.
     */
    static List<TaggedSpan> castRoles(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names, Set<String> lowerCase) {
        List<TaggedSpan> roles = new ArrayList<>();
        for (TaggedSpan person : names) {
            int last = tokenAt(tokens, person.end() - 1);
            if (!"PER".equals(person.type()) || last < 0 || last == tokenAt(tokens, person.start()) || last + 2 >= tokens.size()
                    || !"som".equals(tokens.get(last + 1).cut(sentence))) {
                continue;
            }
            TaggedSpan role = tokens.get(last + 2);
            boolean ends = last + 3 == tokens.size() || ROLE_END.contains(tokens.get(last + 3).cut(sentence));
            boolean free = names.stream().noneMatch(o -> "PER".equals(o.type()) && o.start() < role.end() && role.start() < o.end())
                    && names.stream().allMatch(o -> o.end() <= role.start() || role.end() <= o.start()
                            || o.start() == role.start() && o.end() == role.end());
            if (ends && free && word(role.cut(sentence), lowerCase)) {
                roles.add(new TaggedSpan("PER", role.start(), role.end()));
            }
        }
        return roles;
    }

    private static boolean word(String w, Set<String> lowerCase) {
        return DocumentNames.nameLike(w) && !w.equals(w.toUpperCase(Locale.ROOT)) && !lowerCase.contains(w.toLowerCase(Locale.ROOT))
                && DomainNames.shared().typeOf(w) == null && !DocumentNames.isNoNameWord(w);
    }

    private static int tokenAt(List<TaggedSpan> tokens, int offset) {
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).start() <= offset && offset < tokens.get(k).end()) {
                return k;
            }
        }
        return -1;
    }
}
