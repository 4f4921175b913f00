package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which searches may find their page by skipping hits: only those scored by words alone. */
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
}
