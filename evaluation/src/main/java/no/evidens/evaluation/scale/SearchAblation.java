package no.evidens.evaluation.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.PassageSchema;

/**
 * Where the time of a term search goes: the term words as plain Lucene searches that add one part of
 * an Evidens search at a time (the text, the compound parts, the heading, counting every
 * facet over all hits, ordering ties by file and place), on the same index, so that the steps up to
 * the full search can be compared.
 * Highlighting and loading the hits' stored fields are the rest, up to the "term" row. Like the search,
 * no step filters to passages (a word query only matches passages). Steps before facet counting stop
 * counting hits at 1,000, as a plain top-10 search does; counting facets visits every hit, as Evidens counts
 * them ({@link EvidenceSearcher#countWithFacets}), beside the plain top 10. The tie order step finds its top 10
 * as a search of words finds its page once the hits are counted: in Evidens's order, skipping from the 10th hit on.
 */
final class SearchAblation {
    /** The steps, each including the ones before. */
    static final List<String> STEPS = List.of("ablation: text", "ablation: + compound parts",
            "ablation: + heading", "ablation: + facet counting (all hits)", "ablation: + tie order (score, file, start)");

    private SearchAblation() {
    }

    static List<SearchBench.Latencies> run(Path dir, List<String> words, int rounds) throws IOException {
        List<List<Query>> steps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            steps.add(new ArrayList<>());
        }
        try (Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null)) {
            for (String w : words) {
                Query text = field(analyzer, PassageSchema.TEXT, w, 1f);
                Query parts = field(analyzer, PassageSchema.PARTS, w, 0.4f);
                Query heading = field(analyzer, PassageSchema.HEADING, w, 0.3f);
                if (text != null && parts != null && heading != null) {
                    steps.get(0).add(text);
                    steps.get(1).add(either(text, parts));
                    steps.get(2).add(either(text, parts, heading));
                }
            }
        }
        List<SearchBench.Latencies> out = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir)); EvidenceSearcher evidens = new EvidenceSearcher(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int s = 0; s < 3; s++) {
                List<Query> qs = steps.get(s);
                out.add(SearchBench.time(STEPS.get(s), qs, rounds, q -> searcher.search(q, 10).totalHits.value));
            }
            out.add(SearchBench.time(STEPS.get(3), steps.get(2), rounds, q -> {
                searcher.search(q, 10);
                return evidens.countWithFacets(q);
            }));
            out.add(SearchBench.time(STEPS.get(4), steps.get(2), rounds, q -> {
                searcher.search(q, new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null, 10, false));
                return evidens.countWithFacets(q);
            }));
        }
        return out;
    }

    private static Query either(Query... qs) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : qs) {
            b.add(q, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** The word as the field analyses it (its first term), with the query parser's boost; null when it has none. */
    private static Query field(Analyzer analyzer, String field, String word, float boost) throws IOException {
        try (TokenStream ts = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            Query q = ts.incrementToken() ? new TermQuery(new Term(field, term.toString())) : null;
            ts.end();
            return q == null || boost == 1f ? q : new BoostQuery(q, boost);
        }
    }
}
