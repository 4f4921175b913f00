package no.evidens.pipeline.export;

import java.util.Map;

/**
 * The persons the name model names in a quotation's document ({@code seen}), and per word stem (genitive -s off) its
 * votes for a place or organisation: above zero, the document mostly has the word alone as a place or organisation.
 */
record DocumentPersons(Persons seen, Map<String, Integer> placeVotes) {
    /** Whether the document mostly has this word as a place or organisation on its own. */
    boolean mostlyPlace(String word) {
        return placeVotes.getOrDefault(TextWords.stem(word), 0) > 0;
    }
}
