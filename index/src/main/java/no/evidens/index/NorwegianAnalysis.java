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

    /** One analyzer for writing and query parsing alike. */
    public static Analyzer analyzer() {
        Analyzer keyword = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(new NorwegianAnalyzer(), Map.of(
                PassageSchema.KIND, keyword,
                PassageSchema.ID, keyword,
                PassageSchema.CASE, keyword,
                PassageSchema.DOC, keyword,
                PassageSchema.FILE, keyword,
                PassageSchema.TYPE, keyword,
                PassageSchema.INDICATOR, keyword,
                PassageSchema.SHA256, keyword));
    }
}
