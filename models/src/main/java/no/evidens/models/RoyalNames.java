package no.evidens.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A royal named with the country they reign or come from: a royal title, the person's name, {@code av} and a place
 * ({@code dronning Margrethe av Danmark}, {@code storhertug Henri av Luxembourg}) is one person name, the place
 * included, as a reader and the treebank's gold take it (issue 15, round 9). Masking the given name alone left
 * {@code av Danmark} beside the placeholder, which names the person as well as the given name does.
 */
public final class RoyalNames {
    /** Royal titles written before the name (lower case; {@code eks-dronning} is read without {@code eks-}). */
    private static final Set<String> ROYAL = Set.of("kong", "konge", "dronning", "prins", "prinsesse", "kronprins",
            "kronprinsesse", "storhertug", "storhertuginne", "hertug", "hertuginne", "keiser", "keiserinne", "fyrste",
            "fyrstinne", "tsar", "sultan", "emir");

    private RoyalNames() {
    }

    /** The sentence's names with every royal person name widened over {@code av} and the place after it. */
    static List<TaggedSpan> widen(String sentence, List<TaggedSpan> tokens, List<TaggedSpan> names) {
        List<TaggedSpan> wide = new ArrayList<>();
        for (TaggedSpan name : names) {
            if (!"PER".equals(name.type())) {
                continue;
            }
            int first = name.firstTokenIn(tokens);
            int last = name.lastTokenIn(tokens);
            if (first < 1 || last < first || last + 2 >= tokens.size() || !royal(tokens.get(first - 1).cut(sentence))
                    || !"av".equals(tokens.get(last + 1).cut(sentence))) {
                continue;
            }
            TaggedSpan place = tokens.get(last + 2);
            if (DocumentNames.nameLike(place.cut(sentence))) {
                wide.add(new TaggedSpan("PER", name.start(), place.end()));
            }
        }
        if (wide.isEmpty()) {
            return names;
        }
        List<TaggedSpan> out = new ArrayList<>(wide);
        for (TaggedSpan n : names) {
            if (wide.stream().noneMatch(w -> w.start() < n.end() && n.start() < w.end())) {
                out.add(n);
            }
        }
        out.sort(Comparator.comparingInt(TaggedSpan::start));
        return out;
    }

    /** Whether the word is a royal title written before a name, also with {@code eks-} before it ({@code eks-dronning}). */
    public static boolean royal(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return ROYAL.contains(w.startsWith("eks-") ? w.substring(4) : w);
    }
}
