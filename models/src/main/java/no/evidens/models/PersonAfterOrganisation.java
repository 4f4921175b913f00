package no.evidens.models;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A name of the model that runs an organisation and a person together, as news writes them one after the other
 * ({@code Venstres Abid Raja}, {@code NHOs Sunniva Holmen}, {@code partiet Rødt Arne Brekkeflot}, {@code Rosenborgs
 * Mats Nordhei}), or a public figure in the genitive and what is theirs ({@code Hitlers Europa}, {@code Røkkes Aker
 * Kværner}). The model reads either as one name of one type, so the person is either lost inside an organisation or
 * a place, or takes the other name with it. Cut into the two names:
 * <ul>
 *   <li>a first word that is an organisation — in the genitive ({@code Venstres}, {@code NALs}) or listed
 *       ({@link DomainNames}) — and no person's name itself, then two or more capitalised words that make a person's
 *       name (none listed as a place or organisation or written in lower case in the document, a listed given name
 *       first or a surname last, or any two such words after a listed organisation in the genitive): the organisation, then the
 *       person;</li>
 *   <li>a listed public figure in the genitive ({@link FamousNames}), then more words: the person, then the rest with
 *       the model's type (dropped when the model said person: {@code Ibsens Brand}, a work), or its listed type.</li>
 * </ul>
 */
final class PersonAfterOrganisation {
    private PersonAfterOrganisation() {
    }

    /** The name, or its two parts when it is one of the cases above. */
    static List<TaggedSpan> split(String sentence, List<TaggedSpan> tokens, TaggedSpan name, Set<String> lowerCase) {
        List<TaggedSpan> inside = tokens.stream().filter(t -> t.start() >= name.start() && t.end() <= name.end()).toList();
        if (inside.size() < 2) {
            return List.of(name);
        }
        String first = inside.get(0).cut(sentence);
        TaggedSpan head = inside.get(0);
        TaggedSpan rest = new TaggedSpan(name.type(), inside.get(1).start(), name.end());
        if (genitive(first) && FamousNames.shared().isFamous(first)) {
            String listed = DomainNames.shared().typeOf(rest.cut(sentence));
            String type = listed != null ? listed : "PER".equals(name.type()) ? null : name.type();
            TaggedSpan person = new TaggedSpan("PER", head.start(), head.end());
            return type == null ? List.of(person) : List.of(person, new TaggedSpan(type, rest.start(), rest.end()));
        }
        if (inside.size() >= 3 && organisation(first) && personName(sentence, inside.subList(1, inside.size()), lowerCase,
                inside.size() == 3 && genitive(first) && "ORG".equals(DomainNames.shared().typeOf(first)))) {
            return List.of(new TaggedSpan("ORG", head.start(), head.end()), new TaggedSpan("PER", rest.start(), rest.end()));
        }
        return List.of(name);
    }

    private static boolean genitive(String word) {
        return word.length() > 3 && word.endsWith("s") && Character.isUpperCase(word.charAt(0));
    }

    /** A party, club or body before the person: in the genitive or listed, and itself no person's name. */
    private static boolean organisation(String word) {
        if (!Character.isUpperCase(word.charAt(0)) || DocumentNames.isPersonNameWord(word) || FamousNames.shared().isFamous(word)) {
            return false;
        }
        String listed = DomainNames.shared().typeOf(word);
        return "ORG".equals(listed) || listed == null && genitive(word) && word.chars().allMatch(Character::isLetter);
    }

    /**
     * Capitalised words, none listed as a place or organisation nor written in lower case; a given name first or a surname
     * last, or just two such words after a listed organisation in the genitive ({@code Venstres Abid Raja}: {@code
     * unlistedPair}; not {@code Los Angeles Kings}).
     */
    private static boolean personName(String sentence, List<TaggedSpan> words, Set<String> lowerCase, boolean unlistedPair) {
        for (TaggedSpan t : words) {
            String w = t.cut(sentence);
            if (!DocumentNames.nameLike(w) || DomainNames.shared().typeOf(w) != null || lowerCase.contains(w.toLowerCase(Locale.ROOT))
                    || DocumentNames.isNoNameWord(w)) {
                return false;
            }
        }
        return unlistedPair || NameCues.isGivenName(words.get(0).cut(sentence)) || NameShapes.isSurname(words.get(words.size() - 1).cut(sentence));
    }
}
