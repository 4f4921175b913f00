package no.evidens.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Reads the user's query text. Lucene's classic query syntax (words, "phrases", -exclude, OR,
 * prefix*, "a b"~10, field:value) with all words required unless OR is written.
 */
final class QueryReader {
    private static final float HEADING_BOOST = 0.3f;

    private final Analyzer analyzer;

    QueryReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    Query read(String text) {
        // Words are sought in the passage text and, with less weight, in the heading it stands under.
        QueryParser parser = new MultiFieldQueryParser(new String[] {PassageSchema.TEXT, PassageSchema.HEADING},
                analyzer, Map.of(PassageSchema.TEXT, 1.0f, PassageSchema.HEADING, HEADING_BOOST));
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        try {
            Query q = parser.parse(text);
            if (q == null || q.toString().isEmpty()) {
                throw new QuerySyntaxException("the query \"" + text + "\" has no searchable words "
                        + "(very common words like \"og\" and \"i\" are not searched on their own)");
            }
            return q;
        } catch (ParseException e) {
            throw new QuerySyntaxException("cannot read the query \"" + text + "\": " + hint(text)
                    + " (check that quotes and brackets are closed and that a field name is followed by a value, e.g. type:journal)");
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("the query \"" + text + "\" expands to too many words: make the prefix* longer");
        }
    }

    private static String hint(String text) {
        long quotes = text.chars().filter(c -> c == '"').count();
        if (quotes % 2 != 0) {
            return "a quotation mark \" is not closed";
        }
        if (text.chars().filter(c -> c == '(').count() != text.chars().filter(c -> c == ')').count()) {
            return "brackets ( ) do not pair up";
        }
        if (text.strip().endsWith(":")) {
            return "a field name has no value after the colon";
        }
        return "its syntax is not valid";
    }
}
