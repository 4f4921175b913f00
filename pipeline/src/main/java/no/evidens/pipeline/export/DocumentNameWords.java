package no.evidens.pipeline.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import no.evidens.models.DocumentNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * The capitalised words of a quotation that its document makes names: a word of a person named in the finding or the
 * document, a word nothing in the document explains, a sentence's named subject or speaker, a surname the document
 * writes in a full name's shape.
 */
final class DocumentNameWords {
    private DocumentNameWords() {
    }

    /** The longest word read as an abbreviation where the model typed it a place or organisation (round 21). */
    private static final int ABBREVIATION_MAX = 2;

    /**
     * Masks the capitalised words of the text that are a word of a person named in the finding ({@code persons}) or in the
     * document, unless the document mostly has the word as a place or organisation, a known name word misspelt, a word
     * nothing in the document explains ({@code unknown}) and a sentence's named subject or speaker. The text's capitalised
     * words, as start and end offsets.
     */
    static List<int[]> mask(String text, List<TaggedSpan> spans, List<TaggedSpan> found, Set<String> lowerCase, Persons persons,
                            DocumentPersons document, Set<String> unknown) {
        List<int[]> words = new ArrayList<>();
        Matcher word = TextWords.CAPITALISED.matcher(text);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
            int a = word.start();
            int b = word.end();
            boolean covered = spans.stream().anyMatch(s -> s.start() < b && a < s.end());
            // a word of a person name found in the document, unless the document mostly has it as a place
            // or organisation on its own (one wrong person guess, Galleri Nordvika, must not mask Nordvika everywhere)
            boolean mostlyPlace = document.mostlyPlace(word.group());
            // round 20: a function word opening a sentence that is no listed given name (Han, De, Det) is masked there only
            // where the model finds it a name, not as a word of a name found elsewhere (one model guess of Det, a particle)
            boolean pronoun = DocumentNames.isFunctionWord(word.group()) && !DocumentNames.isGivenName(word.group())
                    && TextWords.opening(text, a) && !TextWords.inHyphenPair(text, a, b);
            if (!covered && !pronoun && (persons.known(word.group()) || document.seen().known(word.group()) && !mostlyPlace
                    || document.seen().knownButOneLetter(word.group()) && (Maskable.asTyped(word.group(), new int[] {a, b}, found, lowerCase)
                            || Maskable.whateverTyped(word.group(), lowerCase)))) {
                // round 14: a misspelt name word also where the model typed it (Strandø after Strandbø, August after Augustus)
                spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
            } else if (!covered && (unknown.contains(TextWords.stem(word.group()))
                    && Maskable.asTyped(word.group(), new int[] {a, b}, b - a > ABBREVIATION_MAX ? List.of() : found, lowerCase)
                    || TextWords.opening(text, a) && (NamedSubject.subject(text, word.group(), b, lowerCase)
                            || NamedSubject.speaker(text, word.group(), b))
                    && Maskable.asTyped(word.group(), new int[] {a, b}, found, lowerCase))) {
                // round 12 (the masking budget): a capitalised word nothing explains, found inside a sentence anywhere
                // in the document, is masked everywhere; so is a sentence's first word that is its named subject. Round 21:
                // the first also where the model typed it a place or organisation here — the document's other uses
                // outweigh that guess (it holds fewer than one in OTHER_NAME_SHARE of them, or the word would be explained);
                // not a word of two letters, an abbreviation inside the guess (St. Cruz, Stoltenberg & Co)
                spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
            }
        }
        return words;
    }

    /**
     * Masks the words of the passage that the document writes elsewhere as the surname of a full name whose shape makes it
     * a person ({@link NameNeighbours#shapeSurnames}: {@code Kari J. Nordvik}, a given name before a place's word), whatever
     * the model typed them here (round 16).
     */
    static void shapeSurnames(String text, List<TaggedSpan> spans, List<int[]> words, Set<String> surnames) {
        for (int[] w : words) {
            if (surnames.contains(TextWords.stem(text.substring(w[0], w[1]))) && !CuedNames.covered(spans, w[0], w[1])) {
                spans.add(new TaggedSpan(PiiTagger.PERSON, w[0], w[1]));
            }
        }
    }
}
