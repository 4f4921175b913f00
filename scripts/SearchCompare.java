import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

import no.evidens.evaluation.scale.AnalysedWord;
import no.evidens.evaluation.scale.CorpusVocabulary;
import no.evidens.evaluation.scale.PassageGenerator;
import no.evidens.evaluation.scale.SearchBench;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.index.SearchStage;

/**
 * Searches a bench index (`evidens bench search --dir DIR` keeps one) for a before/after comparison of search code:
 *
 *   java -Xmx1g -cp "pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar" scripts/SearchCompare.java \
 *       dump DIR OUT        every search of the set (about 1,350) once: totals, facet counts, hits, scores, offsets,
 *                           snippets, one line each, for `diff` against the same command on other code
 *   ... cpu DIR ROUNDS [KINDS]   the thread CPU time of searches of the set by kind (p50 / p95; default: term,
 *                           filtered, broad, phrase, grouped, facets), after one warm-up round; ROUNDS measured rounds
 *   ... stages DIR ROUNDS    the term searches stopped after each part (EvidenceSearcher.searchUpTo: reading the query,
 *                           counting and the page, the per-document cap, the stored fields, all of it with highlighting),
 *                           the parts interleaved search by search: thread CPU p50 / mean of each, after one warm-up round
 *   ... alloc DIR ROUNDS     the term searches' memory and whole-process cost, after two warm-up rounds: the bytes each
 *                           search allocates on its thread (p50 / mean), and over ROUNDS measured rounds the process's
 *                           CPU time per search (every thread: the collector's and the compilers' too) and the
 *                           collectors' time; what thread CPU leaves out
 *   ... slow DIR ROUNDS KIND [N] the N (default 10) slowest distinct searches of one kind, by their thread CPU p50 over
 *                           ROUNDS measured rounds of the kind (after one warm-up round), with their hits: which
 *                           searches make a kind's p95
 *   ... words DIR ROUNDS     each term search alone: its word, its hits and its thread CPU p50 over ROUNDS measured rounds
 *                           (after two warm-up rounds of the term searches), one line a word: a before/after comparison
 *                           by how many hits a word has
 *   ... count DIR ROUNDS     the counting part of the term searches alone: the thread CPU of EvidenceSearcher.countWithFacets
 *                           (every hit and its facets counted, the counts made, no page) for each term word in the text,
 *                           its compound parts and the heading, as `bench search`'s ablation asks it (p50 / p95), after
 *                           two warm-up rounds; ROUNDS measured rounds
 *
 * The words are the bench's (`SearchBench`): content words of the sample corpus by frequency, the 20 most frequent for
 * the broad searches, the next 200 for the others.
 */
public class SearchCompare {
    record Search(String kind, SearchRequest request, int groupedHits) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (EvidenceSearcher searcher = new EvidenceSearcher(dir)) {
            List<Search> set = searches(searcher);
            if (args[0].equals("dump")) {
                dump(searcher, set, Path.of(args[2]));
            } else if (args[0].equals("count")) {
                counting(searcher, set, Integer.parseInt(args[2]));
            } else if (args[0].equals("words")) {
                perWord(searcher, set, Integer.parseInt(args[2]));
            } else if (args[0].equals("alloc")) {
                allocation(searcher, set, Integer.parseInt(args[2]));
            } else if (args[0].equals("stages")) {
                stages(searcher, set, Integer.parseInt(args[2]));
            } else if (args[0].equals("slow")) {
                slowest(searcher, set, Integer.parseInt(args[2]), args[3], args.length > 4 ? Integer.parseInt(args[4]) : 10);
            } else {
                List<String> kinds = args.length > 3 ? List.of(args[3].split(","))
                        : List.of("term", "filtered", "broad", "phrase", "grouped", "facets");
                cpu(searcher, set, Integer.parseInt(args[2]), kinds);
            }
        }
    }

    static List<Search> searches(EvidenceSearcher searcher) throws Exception {
        CorpusVocabulary vocabulary = CorpusVocabulary.ofSampleBundle();
        List<String> content = SearchBench.contentWords(vocabulary);
        List<String> phrases = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.analyzer()) {
            for (String p : vocabulary.phrases(4)) {
                String[] two = p.split(" ");
                if (SearchBench.firstToken(analyzer, two[0]) != null && SearchBench.firstToken(analyzer, two[1]) != null) {
                    phrases.add("\"" + p + "\"");
                }
            }
        }
        List<String> broad = cycle(content.subList(0, 20), 200);
        List<String> terms = cycle(content.subList(20, content.size()), 200);
        phrases = cycle(phrases, 200);
        List<String> indicators = new ArrayList<>(searcher.search(new SearchRequest(broad.get(0), null, null, 1)).facets()
                .getOrDefault("indicator", Map.of()).keySet());
        List<Search> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String t = terms.get(i);
            String type = PassageGenerator.TYPES.get(i % PassageGenerator.TYPES.size());
            String caseId = PassageGenerator.caseId(i % PassageGenerator.CASES);
            out.add(new Search("term", new SearchRequest(t, null, null, 10), 0));
            out.add(new Search("filtered", new SearchRequest(t, caseId, type, 10), 0));
            String q = i % 2 == 0 ? broad.get(i) : broad.get(i) + " " + broad.get((i + 7) % broad.size());
            out.add(new Search("broad", new SearchRequest(q, null, null, 20), 0));
            out.add(new Search("phrase", new SearchRequest(phrases.get(i), null, null, 10), 0));
            if (i < 60) {
                out.add(new Search("document", new SearchRequest(t, null, null, 10, 0, SearchRequest.Order.DOCUMENT), 0));
                out.add(new Search("date", new SearchRequest(t, null, null, 10, 20, SearchRequest.Order.DATE), 0));
                out.add(new Search("page2", new SearchRequest(t, null, null, 10, 10, SearchRequest.Order.RELEVANCE), 0));
                out.add(new Search("three", new SearchRequest(t + " " + terms.get(i + 1) + " " + broad.get(i % 20), null, null, 10), 0));
                out.add(new Search("case", new SearchRequest(broad.get(i), caseId, null, 10), 0));
                out.add(new Search("grouped", new SearchRequest(t, null, null, 10), 400));
            }
            if (i < 40) {
                out.add(new Search("page5", new SearchRequest(t, null, null, 10, 40, SearchRequest.Order.RELEVANCE), 0));
                out.add(new Search("prefix", new SearchRequest(t.substring(0, 4) + "*", null, null, 10), 0));
                out.add(new Search("widened", new SearchRequest(t + " " + terms.get(199 - i), caseId, type, 10), 0));
                // In a fixed order (Map.of's differs from run to run, and the request is printed).
                Map<String, List<String>> filters = new TreeMap<>(Map.of("indicator", List.of(indicators.get(i % indicators.size())),
                        "type", List.of(type)));
                out.add(new Search("facets", new SearchRequest(broad.get(i), null, null, 20, 0, SearchRequest.Order.RELEVANCE,
                        filters), 0));
                out.add(new Search("facets-doc", new SearchRequest(t, null, null, 10, 0, SearchRequest.Order.DOCUMENT,
                        Map.of("type", List.of(type))), 0));
                out.add(new Search("grouped-facets", new SearchRequest(broad.get(i), null, null, 10, 0,
                        SearchRequest.Order.RELEVANCE, filters), 400));
            }
        }
        return out;
    }

    static SearchResult run(EvidenceSearcher searcher, Search s) throws Exception {
        return s.groupedHits() > 0 ? searcher.searchForGrouping(s.request(), s.groupedHits(), 3) : searcher.search(s.request());
    }

    static void dump(EvidenceSearcher searcher, List<Search> set, Path out) throws Exception {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            for (Search s : set) {
                SearchResult r = run(searcher, s);
                w.printf(Locale.ROOT, "%s %s total=%d allWords=%d relaxed=%b facets=%s%n", s.kind(), s.request(), r.total(),
                        r.allWords(), r.relaxed(), r.facets());
                for (SearchHit h : r.hits()) {
                    w.println("  " + h);
                }
            }
        }
        System.out.println(set.size() + " searches written to " + out);
    }

    static void cpu(EvidenceSearcher searcher, List<Search> set, int rounds, List<String> kinds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String kind : kinds) {
            List<Search> ofKind = set.stream().filter(s -> s.kind().equals(kind)).toList();
            for (Search s : ofKind) {
                run(searcher, s);
            }
            double[] ms = new double[ofKind.size() * rounds];
            int k = 0;
            for (int round = 0; round < rounds; round++) {
                for (Search s : ofKind) {
                    long c = threads.getCurrentThreadCpuTime();
                    run(searcher, s);
                    ms[k++] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-9s %4d searches  thread CPU p50 %6.2f ms  p95 %6.2f ms  mean %6.2f ms%n", kind, ms.length,
                    ms[ms.length / 2], ms[(int) (ms.length * 0.95)], Arrays.stream(ms).average().orElse(0));
        }
    }

    static void perWord(EvidenceSearcher searcher, List<Search> set, int rounds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Search> terms = set.stream().filter(s -> s.kind().equals("term")).toList();
        for (int warm = 0; warm < 2; warm++) {
            for (Search s : terms) {
                run(searcher, s);
            }
        }
        double[][] ms = new double[terms.size()][rounds];
        long[] totals = new long[terms.size()];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < terms.size(); i++) {
                long c = threads.getCurrentThreadCpuTime();
                totals[i] = run(searcher, terms.get(i)).total();
                ms[i][round] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
        }
        for (int i = 0; i < terms.size(); i++) {
            Arrays.sort(ms[i]);
            System.out.printf(Locale.ROOT, "%s %d %.3f%n", terms.get(i).request().query(), totals[i], ms[i][rounds / 2]);
        }
    }

    static void counting(EvidenceSearcher searcher, List<Search> set, int rounds) throws Exception {
        List<Query> queries = new ArrayList<>();
        try (Analyzer analyzer = NorwegianAnalysis.queryAnalyzer(null)) {
            for (Search s : set.stream().filter(s -> s.kind().equals("term")).toList()) {
                String word = s.request().query();
                Query text = AnalysedWord.query(analyzer, PassageSchema.TEXT, word, 1f);
                Query parts = AnalysedWord.query(analyzer, PassageSchema.PARTS, word, 0.4f);
                Query heading = AnalysedWord.query(analyzer, PassageSchema.HEADING, word, 0.3f);
                if (text != null && parts != null && heading != null) {
                    queries.add(new BooleanQuery.Builder().add(text, BooleanClause.Occur.SHOULD).add(parts, BooleanClause.Occur.SHOULD)
                            .add(heading, BooleanClause.Occur.SHOULD).build());
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long hits = 0;
        for (int round = 0; round < 2; round++) {
            for (Query q : queries) {
                searcher.countWithFacets(q);
            }
        }
        double[] ms = new double[queries.size() * rounds];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (Query q : queries) {
                long c = threads.getCurrentThreadCpuTime();
                hits += searcher.countWithFacets(q);
                ms[k++] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
            }
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "count     %4d countings  thread CPU p50 %6.3f ms  p95 %6.3f ms  mean %6.3f ms  (%d hits a counting)%n",
                ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], Arrays.stream(ms).average().orElse(0),
                ms.length == 0 ? 0 : hits / ms.length);
    }

    static void allocation(EvidenceSearcher searcher, List<Search> set, int rounds) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Search> terms = set.stream().filter(s -> s.kind().equals("term")).toList();
        for (int warm = 0; warm < 2; warm++) {
            for (Search s : terms) {
                run(searcher, s);
            }
        }
        double[] bytes = new double[terms.size() * rounds];
        long gc = collectorMillis();
        long cpu = process.getProcessCpuTime();
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (Search s : terms) {
                long b = threads.getCurrentThreadAllocatedBytes();
                run(searcher, s);
                bytes[k++] = threads.getCurrentThreadAllocatedBytes() - b;
            }
        }
        double cpuMs = (process.getProcessCpuTime() - cpu) / 1e6;
        gc = collectorMillis() - gc;
        double mean = Arrays.stream(bytes).average().orElse(0);
        Arrays.sort(bytes);
        System.out.printf(Locale.ROOT, "term      %4d searches  allocated p50 %,.0f bytes  mean %,.0f bytes  process CPU %.3f ms a search"
                + "  collectors %d ms%n", bytes.length, bytes[bytes.length / 2], mean, cpuMs / bytes.length, gc);
    }

    private static long collectorMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionTime())).sum();
    }

    static void stages(EvidenceSearcher searcher, List<Search> set, int rounds) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Search> terms = set.stream().filter(s -> s.kind().equals("term")).toList();
        SearchStage[] stages = SearchStage.values();
        double[][] ms = new double[stages.length][terms.size() * rounds];
        for (int round = -1; round < rounds; round++) {
            for (int i = 0; i < terms.size(); i++) {
                for (int k = 0; k < stages.length; k++) {
                    long c = threads.getCurrentThreadCpuTime();
                    searcher.searchUpTo(terms.get(i).request(), stages[k]);
                    if (round >= 0) {
                        ms[k][round * terms.size() + i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                    }
                }
            }
        }
        for (int k = 0; k < stages.length; k++) {
            double mean = Arrays.stream(ms[k]).average().orElse(0);
            Arrays.sort(ms[k]);
            System.out.printf(Locale.ROOT, "up to %-7s %4d searches  thread CPU p50 %6.3f ms  mean %6.3f ms%n", stages[k],
                    ms[k].length, ms[k][ms[k].length / 2], mean);
        }
    }

    static void slowest(EvidenceSearcher searcher, List<Search> set, int rounds, String kind, int n) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Search> ofKind = set.stream().filter(s -> s.kind().equals(kind)).toList();
        Map<String, List<Double>> byQuery = new TreeMap<>();
        Map<String, String> found = new TreeMap<>();
        for (Search s : ofKind) {
            SearchResult r = run(searcher, s);
            found.put(s.request().toString(), "hits " + r.total() + (r.relaxed() ? " relaxed" : ""));
        }
        for (int round = 0; round < rounds; round++) {
            for (Search s : ofKind) {
                long c = threads.getCurrentThreadCpuTime();
                run(searcher, s);
                byQuery.computeIfAbsent(s.request().toString(), q -> new ArrayList<>())
                        .add((threads.getCurrentThreadCpuTime() - c) / 1e6);
            }
        }
        record Timed(String request, double p50, double max, int times) {
        }
        List<Timed> timed = new ArrayList<>();
        byQuery.forEach((q, ms) -> {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            timed.add(new Timed(q, sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length));
        });
        timed.sort((a, b) -> Double.compare(b.p50(), a.p50()));
        for (Timed t : timed.subList(0, Math.min(n, timed.size()))) {
            System.out.printf(Locale.ROOT, "p50 %6.2f ms  max %6.2f ms  (%d runs)  %s  %s%n", t.p50(), t.max(), t.times(),
                    found.get(t.request()), t.request());
        }
    }

    static <T> List<T> cycle(List<T> from, int count) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(from.get(i % from.size()));
        }
        return out;
    }
}
