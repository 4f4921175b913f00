package no.evidens.evaluation.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchStage;

/**
 * Where the time of a term search goes: the term words as plain Lucene searches that add one part of
 * an Evidens search at a time (the text, the compound parts, the heading, counting every
 * facet over all hits, ordering ties by file and place), on the same index, so that the steps up to
 * the full search can be compared; then reading the query as a search reads it, beside that plain work, and the search
 * itself stopped after one more of its parts ({@link EvidenceSearcher#searchUpTo}): its page in relevance order (the
 * words' other forms, the evidence bonus, a window of 20), the per-document cap, the page's stored fields, and
 * highlighting: the whole search, measured here, after the same warm-up as the steps before it (the "term" row is
 * measured first in a run, its code less compiled). Like the search,
 * no step filters to passages (a word query only matches passages). Steps before facet counting stop
 * counting hits at 1,000, as a plain top-10 search does; counting facets visits every hit, as Evidens counts
 * them ({@link EvidenceSearcher#countWithFacets}), beside the plain top 10. The tie order step finds its top 10
 * as a search of words finds its page once the hits are counted: in Evidens's order, skipping from the 10th hit on.
 */
final class SearchAblation {
    /** The steps, each including the ones before. */
    static final List<String> STEPS = List.of("ablation: text", "ablation: + compound parts",
            "ablation: + heading", "ablation: + facet counting (all hits)", "ablation: + tie order (score, file, start)",
            "ablation: + reading the query", "ablation: + word forms, evidence bonus, window",
            "ablation: + per-document cap", "ablation: + stored fields of the page", "ablation: + highlighting (= a term search)");

    private SearchAblation() {
    }

    static List<SearchBench.Latencies> run(Path dir, List<String> words, int rounds) throws IOException {
        List<List<Query>> steps = new ArrayList<>();
        List<SearchRequest> requests = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            steps.add(new ArrayList<>());
        }
        try (Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null)) {
            for (String w : words) {
                Query text = AnalysedWord.query(analyzer, PassageSchema.TEXT, w, 1f);
                Query parts = AnalysedWord.query(analyzer, PassageSchema.PARTS, w, 0.4f);
                Query heading = AnalysedWord.query(analyzer, PassageSchema.HEADING, w, 0.3f);
                if (text != null && parts != null && heading != null) {
                    steps.get(0).add(text);
                    steps.get(1).add(either(text, parts));
                    steps.get(2).add(either(text, parts, heading));
                    requests.add(new SearchRequest(w, null, null, 10));
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
            out.add(SearchBench.time(STEPS.get(4), steps.get(2), rounds, q -> tieOrder(searcher, evidens, q)));
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                at.add(i);
            }
            // The plain steps' work, plus reading the query as a search reads it.
            out.add(SearchBench.time(STEPS.get(5), at, rounds, i -> {
                evidens.searchUpTo(requests.get(i), SearchStage.QUERY);
                return tieOrder(searcher, evidens, steps.get(2).get(i));
            }));
            // From here on the search itself, stopped after one more of its parts.
            List<SearchStage> stages = List.of(SearchStage.PAGE, SearchStage.CAP, SearchStage.STORED, SearchStage.ALL);
            for (int k = 0; k < stages.size(); k++) {
                SearchStage stage = stages.get(k);
                out.add(SearchBench.time(STEPS.get(6 + k), requests, rounds, r -> evidens.searchUpTo(r, stage)));
            }
        }
        return out;
    }

    private static long tieOrder(IndexSearcher searcher, EvidenceSearcher evidens, Query q) throws IOException {
        searcher.search(q, new TopFieldCollectorManager(EvidenceSearcher.BY_RELEVANCE, 10, null, 10, false));
        return evidens.countWithFacets(q);
    }

    private static Query either(Query... qs) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query q : qs) {
            b.add(q, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }
}
