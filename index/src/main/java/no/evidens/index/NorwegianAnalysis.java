package no.evidens.index;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;

/** The analysis chain of the index: Norwegian text, exact keywords for the filter fields. */
public final class NorwegianAnalysis {
    private NorwegianAnalysis() {
    }

    /** The analyzer of the evidence index, for writing and query parsing alike. */
    public static Analyzer analyzer() {
        return withKeywordFields(new NorwegianAnalyzer());
    }

    /** Lucene's plain NorwegianAnalyzer for the text: the baseline that relevance is measured against. */
    public static Analyzer plain() {
        return withKeywordFields(new NorwegianAnalyzer());
    }

    private static Analyzer withKeywordFields(Analyzer text) {
        Analyzer keyword = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(text, Map.ofEntries(
                Map.entry(PassageSchema.KIND, keyword),
                Map.entry(PassageSchema.ID, keyword),
                Map.entry(PassageSchema.CASE, keyword),
                Map.entry(PassageSchema.DOC, keyword),
                Map.entry(PassageSchema.FILE, keyword),
                Map.entry(PassageSchema.TYPE, keyword),
                Map.entry(PassageSchema.INDICATOR, keyword),
                Map.entry(PassageSchema.INDICATOR_QUERY, keyword),
                Map.entry(PassageSchema.LAW, keyword),
                Map.entry(PassageSchema.HAS_QUOTE, keyword),
                Map.entry(PassageSchema.SHA256, keyword)));
    }
}
