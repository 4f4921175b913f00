package no.evidens.solr.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.SolrException;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.QueryLanguage;
import no.evidens.index.QuerySyntaxException;

/**
 * The Evidens query language on Solr: {@code {!evidens}barnevern "faglig forsvarlig"} builds the very
 * query the embedded index runs (Evidens's parser and analysis), {@code {!evidens op=OR}…} the relaxed one
 * with any word enough. A syntax error answers 400 with the parser's message.
 */
public final class EvidensQParserPlugin extends QParserPlugin {
    /** Thread-safe; keeps its analysis chains per thread. */
    private static final Analyzer QUERIES = NorwegianAnalysis.queryAnalyzer(null);

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() {
                boolean anyWord = "OR".equalsIgnoreCase(localParams == null ? null : localParams.get("op"));
                try {
                    return QueryLanguage.read(qstr, QUERIES, anyWord);
                } catch (QuerySyntaxException e) {
                    throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, e.getMessage(), e);
                }
            }
        };
    }
}
