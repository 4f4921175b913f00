package no.evidens.evaluation.team;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;

import no.evidens.evaluation.scale.CorpusVocabulary;
import no.evidens.evaluation.scale.PassageGenerator;
import no.evidens.evaluation.scale.SearchBench;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.search.DocumentGroups;

/**
 * The searches of {@code bench web}: words and phrases of the corpus vocabulary (those the generated
 * passages are made of), alternately grouped by document and plain faceted, each now and then narrowed by
 * facet filters (type, indicator, case and type) as an auditor's clicks on the facet chips do. The mix is
 * the same every run.
 */
public record SearchMix(List<SearchMix.Search> searches) {
    /** What the workspace asks for: a page of 10 documents or passages. */
    static final int PAGE = 10;
    /** How many of the best hits a grouped search reads and groups (as {@code SearchResource} does). */
    static final int GROUPED_HITS = 400;

    /** The two kinds of search the workspace makes: every one counts the facets. */
    public enum Kind {
        GROUPED("grouped (group=document)"), FACETED("faceted (passages)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One search: its kind, its query, its facet filters (dimension → values). */
    public record Search(Kind kind, String query, Map<String, List<String>> filters) {
        /** The workspace's request for it: {@code /api/search?…}, relative to the server's root. */
        public String path() {
            StringBuilder p = new StringBuilder("api/search?q=").append(enc(query)).append("&limit=").append(PAGE);
            if (kind == Kind.GROUPED) {
                p.append("&group=document");
            }
            filters.forEach((dim, values) -> values.forEach(v -> p.append("&filter=").append(enc(dim + ":" + v))));
            return p.toString();
        }

        /** The request the web layer makes of the searcher for it (for a grouped search: the page of documents). */
        public SearchRequest request() {
            return new SearchRequest(query, null, null, PAGE, 0, SearchRequest.Order.RELEVANCE, filters);
        }

        /** It made on the searcher as the web layer makes it (the baseline), grouping included. */
        public SearchResult on(EvidenceIndex searcher) throws IOException {
            if (kind == Kind.FACETED) {
                return searcher.search(request());
            }
            SearchResult r = searcher.searchForGrouping(request(), GROUPED_HITS, DocumentGroups.PASSAGES_PER_DOCUMENT);
            DocumentGroups.of(r.hits(), r.total(), 0, PAGE);
            return r;
        }
    }

    public SearchMix {
        searches = List.copyOf(searches);
    }

    /** {@code count} searches of the sample corpus's vocabulary. */
    public static SearchMix ofSampleVocabulary(int count) throws IOException {
        CorpusVocabulary vocabulary = CorpusVocabulary.ofSampleBundle();
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.analyzer()) {
            for (String w : vocabulary.wordsByFrequency()) {
                if (words.size() < 60 && CorpusVocabulary.isContentWord(w, 5) && SearchBench.firstToken(analyzer, w) != null) {
                    words.add(w);
                }
            }
            for (String p : vocabulary.phrases(4)) {
                String[] two = p.split(" ");
                if (phrases.size() < 20 && SearchBench.firstToken(analyzer, two[0]) != null
                        && SearchBench.firstToken(analyzer, two[1]) != null) {
                    phrases.add("\"" + p + "\"");
                }
            }
        }
        return of(words, phrases, count);
    }

    /**
     * The mix from these words and phrases: one search in five a phrase, one in three of the others two
     * words; kinds alternate in fours, and within each four: no filter, a type, an indicator, a case and a type.
     */
    static SearchMix of(List<String> words, List<String> phrases, int count) {
        if (words.size() < 2 || phrases.isEmpty() || count < 1) {
            throw new IllegalArgumentException("the mix needs two words or more, a phrase and a count of at least 1");
        }
        List<Search> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String q;
            if (i % 5 == 4) {
                q = phrases.get(i % phrases.size());
            } else if (i % 3 == 2) {
                // a second word other than the first: an offset of 1 to size - 1 from it
                q = words.get(i % words.size()) + " " + words.get((i + 1 + (i * 7) % (words.size() - 1)) % words.size());
            } else {
                q = words.get(i % words.size());
            }
            Kind kind = (i / 4) % 2 == 0 ? Kind.GROUPED : Kind.FACETED;
            out.add(new Search(kind, q, filters(i)));
        }
        return new SearchMix(out);
    }

    private static Map<String, List<String>> filters(int i) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        String type = PassageGenerator.TYPES.get((i / 4) % PassageGenerator.TYPES.size());
        switch (i % 4) {
            case 1 -> f.put("type", List.of(type));
            case 2 -> f.put("indicator", List.of(PassageGenerator.INDICATORS.get((i / 4) % PassageGenerator.INDICATORS.size())));
            case 3 -> {
                f.put("case", List.of(PassageGenerator.caseId((i / 4) % PassageGenerator.CASES)));
                f.put("type", List.of(type));
            }
            default -> {
                // the first of four: the whole index, no filter
            }
        }
        return f;
    }

    /** The searches of one kind. */
    public List<Search> of(Kind kind) {
        return searches.stream().filter(s -> s.kind() == kind).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
