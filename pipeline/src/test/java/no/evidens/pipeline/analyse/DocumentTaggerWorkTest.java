package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.tag.IndicatorMention;
import no.evidens.pipeline.fixture.CountedReads;
import no.evidens.pipeline.normalise.NormalisedText;

/**
 * The work the tagger does per document on a long text: a quotation's sentences and a paragraph's mentions are
 * looked up, not found by reading every sentence or mention of the document again (counted as list reads).
 */
class DocumentTaggerWorkTest {
    @Test
    void theMentionsOfEachParagraphAreLookedUpNotFilteredFromAllOfThem() {
        StringBuilder text = new StringBuilder();
        List<IndicatorMention> mentions = new ArrayList<>();
        int paragraphs = 1_000;
        for (int k = 0; k < paragraphs; k++) {
            if (k > 0) {
                text.append(NormalisedText.PARAGRAPH_BREAK);
            }
            int at = text.length();
            text.append("Barnet fikk ettervern etter samarbeidsmøtet, og fastlegen ble orientert om tiltaket.");
            mentions.add(new IndicatorMention("ettervern", at + 12, at + 21, IndicatorMention.PATTERN, "ettervern"));
            mentions.add(new IndicatorMention("fastlege", at + 49, at + 58, IndicatorMention.PATTERN, "fastlege"));
        }
        NormalisedText doc = new NormalisedText(text.toString(), List.of(0));
        DocumentTagger tagger = new DocumentTagger(NorwegianModels.shared(), Codebook.defaults());
        CountedReads<IndicatorMention> counted = new CountedReads<>(mentions);
        List<Spans.Indicator> byLookup = tagger.classified(doc, counted);
        // a filter of all 2,000 mentions for each of the 1,000 paragraphs read them 2,000,000 times
        assertTrue(counted.reads() <= 20L * mentions.size(), counted.reads() + " reads of " + mentions.size() + " mentions");
        // the same verdicts as the whole list filtered for each paragraph (what mentions out of text order get)
        List<IndicatorMention> reversed = new ArrayList<>(mentions);
        java.util.Collections.reverse(reversed);
        assertEquals(tagger.classified(doc, reversed), byLookup);
    }

    @Test
    void aQuotationsSentencesAreLookedUpNotScannedForEachQuotation() {
        List<TaggedSpan> sentences = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            sentences.add(new TaggedSpan("S", i * 50, i * 50 + 48)); // two spaces between sentences
        }
        CountedReads<TaggedSpan> counted = new CountedReads<>(sentences);
        int quotations = 0;
        for (int q = 0; q < 500_000; q += 997) {
            int end = q + (q % 3 == 0 ? 0 : 120); // some empty, some over three sentences
            List<Integer> found = DocumentTagger.sentencesOf(counted, true, q, end);
            assertEquals(DocumentTagger.sentencesOf(sentences, false, q, end), found);
            assertFalse(found.isEmpty() && q % 50 < 48, "a quotation inside a sentence is in it");
            quotations++;
        }
        // a scan of all 10,000 sentences for each of the 502 quotations read them 5,020,000 times
        assertTrue(counted.reads() <= 30L * quotations, counted.reads() + " reads for " + quotations + " quotations");
    }
}
