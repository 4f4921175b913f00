package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;

/**
 * The name finder reads the sentences cut from the text as it asks for them, not a copy of the text in sentences held
 * while a document's names are found: the same strings, so the same names.
 */
class SentenceTextsTest {
    private static final String TEXT = String.join(" ",
            "Saksbehandler Kari Nordmann møtte Ola Hansen på NAV Lyngvik 14. mars.",
            "Nordmann skrev et notat om samtykke til samarbeid med barneverntjenesten.",
            "«Vi venter og ser», sa Hansen.",
            "Kari Nordmann ba fastlegen i Åsgård om en vurdering etter barnevernsloven § 6-4.",
            "Hansen og Nordmann avtalte et nytt møte med Ingrid Haugen fra PPT.");

    @Test
    void theSentencesAreCutWhenAskedAndTheNamesFoundAreThoseOfTheirCopies() {
        NorwegianModels models = NorwegianModels.shared();
        List<TaggedSpan> sentences = models.sentences(TEXT);
        assertTrue(sentences.size() >= 5, sentences.toString());
        List<String> copies = new ArrayList<>();
        List<List<TaggedSpan>> tokens = new ArrayList<>();
        for (TaggedSpan s : sentences) {
            copies.add(s.cut(TEXT));
            tokens.add(models.tokensOfSentence(s.cut(TEXT)));
        }
        SentenceTexts cut = new SentenceTexts(TEXT, sentences);
        assertEquals(copies, cut);
        // cut anew at each look: the list keeps no sentence of its own
        assertNotSame(cut.get(1), cut.get(1));

        List<List<TaggedSpan>> fromCopies = models.namesOfDocument(copies, tokens);
        assertTrue(fromCopies.stream().mapToInt(List::size).sum() >= 5, fromCopies.toString());
        assertEquals(fromCopies, models.namesOfDocument(cut, tokens));
    }
}
