package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.lucene.queryparser.classic.QueryParser;
import org.junit.jupiter.api.Test;

/**
 * A query too long for the search (over Lucene's 1,024 parts: a pasted page, a thousand words, a thousand prefixes) is
 * the user's to shorten, said as such: not Lucene's "maxClauseCount is set to 1024" as an error of ours, nor "its
 * syntax is not valid" for a query whose syntax is fine.
 */
class LongQueriesTest {
    private final QueryReader queries = new QueryReader(NorwegianAnalysis.queryAnalyzer(null));

    private void assertTooMany(String text, QueryParser.Operator operator) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> queries.read(text, operator));
        assertEquals("query.too-many", e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("too many"), e.getMessage());
    }

    @Test
    void aThousandWordsAreTooManyWordsWhetherAllOrAnyAreSought() {
        // any word enough: the ranking's tiers add a part for each word, past the limit
        assertTooMany(String.join(" ", Collections.nCopies(1000, "barnevern")), QueryParser.Operator.OR);
        String distinct = IntStream.range(0, 1100).mapToObj(i -> "ord" + Integer.toString(i, 36) + "plan")
                .collect(Collectors.joining(" "));
        assertTooMany(distinct, QueryParser.Operator.AND);
        assertTooMany(distinct, QueryParser.Operator.OR);
    }

    @Test
    void aThousandPrefixesOrFuzzyWordsAreTooManyNotBadSyntax() {
        Random random = new Random(1);
        String prefixes = IntStream.range(0, 1100)
                .mapToObj(i -> random.ints(6, 'a', 'p').mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining()) + "*")
                .collect(Collectors.joining(" OR "));
        assertTooMany(prefixes, QueryParser.Operator.AND);
        assertTooMany(String.join(" ", Collections.nCopies(2500, "a~2")), QueryParser.Operator.OR);
    }

    @Test
    void aLongQueryIsShownShortenedInItsMessage() {
        String words = String.join(" ", Collections.nCopies(1000, "barnevern"));
        for (String text : new String[] {words, "\"" + words, words + " felt:verdi"}) {
            QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> queries.read(text, QueryParser.Operator.OR));
            assertTrue(e.getMessage().length() < 600, e.getMessage());
            assertEquals(QueryReader.SHOWN_CHARS + 1, e.args().get(0).length(), e.args().get(0));
            assertTrue(e.args().get(0).endsWith("…"), e.args().get(0));
        }
        QuerySyntaxException shortOne = assertThrows(QuerySyntaxException.class,
                () -> queries.read("\"taushetsplikt", QueryParser.Operator.AND));
        assertEquals("\"taushetsplikt", shortOne.args().get(0));
    }
}
