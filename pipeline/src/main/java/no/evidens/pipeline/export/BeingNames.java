package no.evidens.pipeline.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * Names of God and of the beings of Christian faith, which the treebank's gold calls persons (issue 15, anonymisation
 * round 22, chosen on the hold-out folds): the {@link Anonymiser} masks them whatever the name model typed them, erring on
 * the side of masking. Two kinds, from public facts:
 * <ul>
 *   <li>proper names ({@code Gud}, {@code Jesus}, {@code Kristus}, {@code Satan}, with their genitives), wherever they
 *       stand with a capital;</li>
 *   <li>a being named by a common noun in the definite form ({@code Faderen}, {@code Djevelen}, {@code Den hellige ånd}):
 *       only with a capital inside a sentence, where nothing but a name gives it one (the gold has {@code Djevelen}
 *       opening a sentence as no name), also inside a quotation that opens there and where the text writes the noun in
 *       lower case elsewhere.</li>
 * </ul>
 */
final class BeingNames {
    private BeingNames() {
    }

    /** Proper names of beings, lower case, with their genitives. */
    private static final Set<String> PROPER = Set.of("gud", "guds", "jesus", "jesu", "kristus", "kristi", "satan", "satans");
    /** Beings named by a definite common noun, lower case, with their genitives. */
    private static final Set<String> DEFINITE = Set.of("faderen", "faderens", "djevelen", "djevelens");
    /** {@code Den hellige ånd} and its genitive, the article written with a capital (the rest in either case). */
    private static final Pattern HOLY_SPIRIT = Pattern.compile("(?<![\\p{L}\\d])Den [Hh]ellige [Åå]nds?(?![\\p{L}\\d])");

    /** Adds to {@code spans} a person span for each being's name, where no span stands yet. */
    static void mask(String text, List<TaggedSpan> spans) {
        Matcher word = TextWords.CAPITALISED.matcher(text);
        while (word.find()) {
            String w = word.group().toLowerCase(Locale.ROOT);
            if (PROPER.contains(w) || DEFINITE.contains(w) && !sentenceStart(text, word.start())) {
                add(spans, word.start(), word.end());
            }
        }
        Matcher h = HOLY_SPIRIT.matcher(text);
        while (h.find()) {
            if (!sentenceStart(text, h.start())) {
                add(spans, h.start(), h.end());
            }
        }
    }

    /**
     * Whether the word at {@code at} opens a sentence, a line or a dash turn ({@link TextWords#opening}), but not a quotation
     * inside a sentence: a being's name may open the quoted name of a thing ({@code en sang kalt «Djevelens hage»}, made up).
     */
    private static boolean sentenceStart(String text, int at) {
        int q = at;
        while (q > 0 && "«\"“".indexOf(text.charAt(q - 1)) >= 0) {
            q--;
        }
        return TextWords.opening(text, q);
    }

    private static void add(List<TaggedSpan> spans, int a, int b) {
        if (!CuedNames.covered(spans, a, b)) {
            spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
        } else {
            // the model's guess covers part of it (Den): the whole name in its place
            for (int i = 0; i < spans.size(); i++) {
                TaggedSpan s = spans.get(i);
                if (PiiTagger.PERSON.equals(s.type()) && s.start() < b && a < s.end()) {
                    spans.set(i, new TaggedSpan(PiiTagger.PERSON, Math.min(a, s.start()), Math.max(b, s.end())));
                    return;
                }
            }
        }
    }
}
