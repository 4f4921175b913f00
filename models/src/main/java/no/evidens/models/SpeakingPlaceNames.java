package no.evidens.models;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Surnames that are listed places ({@code Grimstad}, {@code Lillehammer}, {@code Voss}), found where the document makes
 * one the speaker of a quotation: {@code «…», sier Grimstad.} / {@code …, forklarer Grimstad til avisen}. A place does
 * not speak, and a body that does is named with its kind ({@code sier Grimstad kommune}), so such a word is a person's
 * name in this document, and {@link DocumentNames} lets it be one everywhere in it ({@code sammen med Grimstad}) instead
 * of the place the lists and the model make of it. Only the attribution after a quotation or a comma counts, with the
 * sentence ending or a preposition after the name.
 */
final class SpeakingPlaceNames {
    /** What stands before the verb of saying of an attribution: {@code «…», sier Grimstad}. */
    private static final Set<String> ATTRIBUTION = Set.of(",", "»", "”", "\"", "–", "-");
    /** What may follow the speaker: the sentence's end, or a preposition ({@code sier Grimstad til NTB}, {@code på telefon}). */
    private static final Set<String> AFTER = Set.of(".", ",", "!", "?", ":", ";", "til", "på", "i", "om", "etter", "overfor");

    private SpeakingPlaceNames() {
    }

    /** The listed place names (lower case) the document makes a speaker. */
    static Set<String> of(List<String> sentences, List<List<TaggedSpan>> tokens) {
        Set<String> out = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            String sentence = sentences.get(s);
            List<TaggedSpan> ts = tokens.get(s);
            for (int k = 2; k < ts.size(); k++) {
                if (!DocumentNames.mayBeNameLike(sentence, ts.get(k))) {
                    continue;
                }
                String w = ts.get(k).cut(sentence);
                if (DocumentNames.nameLike(w) && "LOC".equals(DomainNames.shared().typeOf(w))
                        && NameCues.speech(ts.get(k - 1).cut(sentence)) && ATTRIBUTION.contains(ts.get(k - 2).cut(sentence))
                        && (k + 1 == ts.size() || AFTER.contains(ts.get(k + 1).cut(sentence)))) {
                    out.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Whether the name (genitive -s allowed) is one of {@code speakers}. */
    static boolean among(String name, Set<String> speakers) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return speakers.contains(n) || n.length() > 3 && n.endsWith("s") && speakers.contains(n.substring(0, n.length() - 1));
    }
}
