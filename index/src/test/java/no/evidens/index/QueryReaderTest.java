package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which searches may find their page by skipping hits: only those scored by words alone; text without a searchable word
 * is refused with its own message.
 */
class QueryReaderTest {
    private final QueryReader reader = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));

    @Test
    void wordsScoreFromTermsOnlyPhrasesAndPrefixesDoNot() {
        assertTrue(QueryReader.scoresFromTermsOnly(reader.read("taushetsplikt")));
        assertTrue(QueryReader.scoresFromTermsOnly(reader.read("samarbeid barnevern -NAV")));
        assertTrue(QueryReader.scoresFromTermsOnly(reader.read("fastlege OR allmennlege type:journal")));
        assertFalse(QueryReader.scoresFromTermsOnly(reader.read("\"individuell plan\"")));
        assertFalse(QueryReader.scoresFromTermsOnly(reader.read("barnevern*")));
        assertFalse(QueryReader.scoresFromTermsOnly(reader.read("taushetsplikt \"individuell plan\"")));
    }

    @Test
    void textOfCommonWordsOnlyIsRefusedAndOneSearchableWordIsRead() {
        for (String text : new String[] {"og i", "(og) -i", "og OR i"}) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> reader.read(text), text);
            assertEquals("query.no-words", e.key(), text);
        }
        assertFalse(reader.read("og taushetsplikt").toString().isEmpty());
    }
}
