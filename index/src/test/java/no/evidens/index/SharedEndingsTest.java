package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A coordination's first word is indexed as the compound it stands for, in the text and heading, not in the parts. */
class SharedEndingsTest {
    private static Analyzer index;
    private static Analyzer query;

    @BeforeAll
    static void open() {
        index = NorwegianAnalysis.analyzer();
        query = NorwegianAnalysis.queryAnalyzer(null);
    }

    @AfterAll
    static void close() {
        index.close();
        query.close();
    }

    @Test
    void theFirstWordAlsoStandsForItsCompoundAtItsOwnPlaceAndOffsets() throws IOException {
        assertEquals(List.of("hels@0-5+1", "helsetjenest@0-5+0", "omsorgstjenest@10-26+2", "kommun@29-37+2"),
                tokens(index, PassageSchema.TEXT, "helse- og omsorgstjenesten i kommunen"));
        assertEquals(List.of("hels@0-5+1", "helsetjenest@0-5+0", "omsorgstjenest@10-26+2"),
                tokens(index, PassageSchema.HEADING, "Helse- og omsorgstjenesten"));
    }

    @Test
    void everyWordOfAListSharesTheEnding() throws IOException {
        assertEquals(List.of("barnevern@0-9+1", "barneverntjenest@0-9+0", "hels@12-17+1", "helsetjenest@12-17+0",
                        "sosialtjenest@22-37+2"),
                tokens(index, PassageSchema.TEXT, "barnevern-, helse- og sosialtjenester"));
        assertEquals(List.of("sosial@0-6+1", "sosialtjenest@0-6+0", "helsetjenest@11-26+2"),
                tokens(index, PassageSchema.TEXT, "sosial- og helsetjenestens"), "Bokmål's other order");
    }

    @Test
    void aLastWordWithoutAPartOfTheLexiconAtItsEndGivesNothing() throws IOException {
        assertEquals(List.of("pasient@0-7+1", "brukerrettighetslov@12-33+2"),
                tokens(index, PassageSchema.TEXT, "pasient- og brukerrettighetsloven"), "a law's name");
        assertEquals(List.of("hels@0-5+1", "sosialavdeling@10-26+2"), tokens(index, PassageSchema.TEXT, "Helse- og sosialavdelingen"));
    }

    @Test
    void withoutTheHyphenTheWordsStandAsWritten() throws IOException {
        assertEquals(List.of("hels@0-5+1", "omsorgstenest@9-25+2"), tokens(index, PassageSchema.TEXT, "helse og omsorgstenestene"));
        assertEquals(List.of("foreldr@0-8+1", "barnevern@12-23+2"), tokens(index, PassageSchema.TEXT, "foreldre og barnevernet"));
        assertEquals(List.of("hels@0-5+1", "tjenest@7-16+1"), tokens(index, PassageSchema.TEXT, "helse- tjenesten"), "no og");
    }

    @Test
    void thePartsFieldTakesOnlyTheMarkOff() throws IOException {
        // as the writer analyses a passage: the text first, whose record the parts field replays
        tokens(index, PassageSchema.TEXT, "helse- og omsorgstjenesten");
        assertEquals(List.of("hels@0-5+1", "hels@0-5+0", "omsorgstjenest@10-26+2", "omsorg@10-26+0", "tjenest@10-26+0"),
                tokens(index, PassageSchema.PARTS, "helse- og omsorgstjenesten"));
    }

    @Test
    void aQueryIsReadAsWritten() throws IOException {
        List<String> read = tokens(query, PassageSchema.TEXT, "helse- og omsorgstjenesten");
        assertEquals("hels@0-5+1", read.get(0));
        assertFalse(read.stream().anyMatch(t -> t.startsWith("helsetjenest@")), read.toString());
    }

    @Test
    void theHeadIsTheLastPartWithItsEnding() {
        SharedEndings filter = new SharedEndings(new StandardTokenizer(), NorwegianAnalysis.PARTS, true);
        assertEquals("tjenesten", filter.head("skolehelsetjenesten"));
        assertEquals("tenestene", filter.head("omsorgstenestene"));
        assertEquals("plikt", filter.head("meldeplikt"));
        assertNull(filter.head("forskriftskrav"));
        assertNull(filter.head("tjenesten"), "no first part before it");
    }

    /** Each token as term@start-end+increment. */
    private static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + increment.getPositionIncrement());
            }
            ts.end();
        }
        return out;
    }
}
