package no.evidens.pipeline.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/** Capitalised words listed with a masked name ({@code og}, {@code eller}, a comma, a list of names), masked with it. */
final class CoordinatedWords {
    private CoordinatedWords() {
    }

    /** Words right beside a masked name with {@code og}, {@code eller} or a comma between, whatever the model typed them. */
    static void mask(String text, List<TaggedSpan> spans, List<int[]> words, Set<String> lowerCase) {
        boolean grown = true;
        while (grown) {
            grown = false;
            for (int[] w : words) {
                String word = text.substring(w[0], w[1]);
                if (spans.stream().anyMatch(s -> s.start() < w[1] && w[0] < s.end()) || lowerCase.contains(word.toLowerCase(Locale.ROOT))
                        || DomainNames.shared().typeOf(word) != null || DocumentNames.isTitle(word) || DocumentNames.isNoNameWord(word)
                        || DocumentNames.isFunctionWord(word) || DocumentNames.isCommonNounShape(word, lowerCase)
                        || w[1] < text.length() && text.charAt(w[1]) == '-'
                        || TextWords.opening(text, w[0]) && !surnameFirst(text, w[1], spans) && !listItem(text, w, spans)
                        || properNeighbour(text, w[0], w[1])) {
                    continue;
                }
                for (TaggedSpan s : List.copyOf(spans)) {
                    if (PiiTagger.PERSON.equals(s.type()) && (joined(text, w[1], s.start()) || joined(text, s.end(), w[0])
                            || listItem(text, w, spans))) {
                        spans.add(new TaggedSpan(PiiTagger.PERSON, w[0], w[1]));
                        grown = true;
                        break;
                    }
                }
            }
        }
    }

    /**
     * Whether a comma and a masked name that opens with a listed given name follow: the word opening a sentence (or a
     * passage cut after a byline's {@code Foto:}) is the surname written first ({@code Kvernevik, Svein Arne}; round 14),
     * unless it is an adverb or has a noun's shape ({@code Derfor, Kari …}).
     */
    private static boolean surnameFirst(String text, int end, List<TaggedSpan> spans) {
        if (!text.startsWith(", ", end)) {
            return false;
        }
        int at = end + 2;
        String next = TextWords.wordStartingAt(text, at);
        String word = TextWords.wordEndingAt(text, end);
        return !next.isEmpty() && DocumentNames.isGivenName(next) && word != null && !NamedSubject.commonOpening(word)
                && spans.stream().anyMatch(s -> PiiTagger.PERSON.equals(s.type()) && s.start() == at);
    }

    /**
     * Whether the word is a sentence by itself between two sentences that are nothing but a masked name each ({@code Kari
     * Quillan. Zorbek. Ola Berge.}, made up): a list of names with a full stop after each (round 18, chosen on the stress run
     * of the folds; with one such neighbour only, a heading after a name was masked).
     */
    private static boolean listItem(String text, int[] w, List<TaggedSpan> spans) {
        if (w[1] >= text.length() || text.charAt(w[1]) != '.') {
            return false;
        }
        return spans.stream().anyMatch(s -> PiiTagger.PERSON.equals(s.type())
                && s.end() + 2 == w[0] && text.startsWith(". ", s.end()) && TextWords.opening(text, s.start()))
                && spans.stream().anyMatch(s -> PiiTagger.PERSON.equals(s.type())
                && s.start() == w[1] + 2 && text.startsWith(". ", w[1]) && s.end() < text.length() && text.charAt(s.end()) == '.');
    }

    /** Whether a capitalised word stands right before or after the word, with one space between ({@code Norges Fiskarlag}). */
    private static boolean properNeighbour(String text, int start, int end) {
        String before = start >= 2 && text.charAt(start - 1) == ' ' ? TextWords.wordEndingAt(text, start - 1) : null;
        String after = end + 1 < text.length() && text.charAt(end) == ' ' ? TextWords.wordStartingAt(text, end + 1) : null;
        return before != null && Character.isUpperCase(before.charAt(0)) || after != null && !after.isEmpty()
                && Character.isUpperCase(after.charAt(0));
    }

    static boolean joined(String text, int from, int to) {
        if (from > to || to - from > " eller ".length()) {
            return false;
        }
        String between = text.substring(from, to);
        return between.equals(" og ") || between.equals(", ") || between.equals(" eller ");
    }
}
