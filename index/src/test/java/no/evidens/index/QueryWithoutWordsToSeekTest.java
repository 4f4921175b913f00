package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.lucene.queryparser.classic.QueryParser;
import org.junit.jupiter.api.Test;

/**
 * A query that names nothing to look for is told why: words only to leave out ({@code NOT plan}) found nothing without a
 * word (Lucene matches no passage for NOT alone), and {@code *} alone was "its syntax is not valid".
 */
class QueryWithoutWordsToSeekTest {
    private final QueryReader queries = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));

    private QuerySyntaxException refused(String text) {
        return assertThrows(QuerySyntaxException.class, () -> queries.read(text, QueryParser.Operator.AND), text);
    }

    @Test
    void wordsOnlyToLeaveOutAreRefusedWithAnExample() {
        for (String text : new String[] {"NOT plan", "-plan", "-plan -tiltak", "NOT \"individuell plan\""}) {
            QuerySyntaxException e = refused(text);
            assertEquals("query.only-not", e.key(), e.getMessage());
            assertEquals(text, e.args().get(0));
        }
        // a word to seek beside them is a search as before
        assertNotNull(queries.read("tiltaksplan NOT evaluering", QueryParser.Operator.AND));
        assertNotNull(queries.read("tiltaksplan -evaluering", QueryParser.Operator.OR));
    }

    @Test
    void aWildcardAloneIsToldAsSuch() {
        for (String text : new String[] {"*", " ? ", "* *"}) {
            assertEquals("query.syntax.wildcard-alone", refused(text).key(), text);
        }
        assertNotNull(queries.read("tiltak*", QueryParser.Operator.AND));
    }
}
