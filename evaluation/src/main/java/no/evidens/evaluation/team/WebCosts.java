package no.evidens.evaluation.team;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.evidens.findings.FindingStore;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.SearcherSource;
import no.evidens.pipeline.findings.TrailWriter;
import no.evidens.pipeline.search.DocumentGroups;

/**
 * What each step of a workspace search costs in processor time, apart: the steps {@code SearchResource} makes
 * for one {@code GET /api/search} (the search, the grouping, which findings quote the hits, the JSON, the audit
 * line), made one after the other in this process on a home such as {@code bench web --home} leaves, each timed
 * with the thread's CPU time (ThreadMXBean), which holds on a busy machine where wall-clock times do not. The
 * audit line is counted on the request's thread (handing it over and waiting) and on the trail writer's thread.
 * One search at a time: the trail writer commits each line alone, the most it can cost (under load it commits
 * many at once).
 *
 * <pre>java -cp pipeline/target/evidens.jar:evaluation/target/evidens-evaluation.jar no.evidens.evaluation.team.WebCosts HOME [rounds [pause-ms [searches]]]</pre>
 *
 * With a pause between searches it is one user who reads each answer (the trail writer then idles between lines).
 *
 * It writes to the home's audit trail (one line per search, actor {@code webcosts}).
 */
public final class WebCosts {
    private static final String[] STEPS = {"search (index)", "grouping", "usedBy", "JSON, indented String, then bytes", "JSON, compact bytes",
        "audit line, request thread", "audit line, trail writer thread"};

    private WebCosts() {
    }

    public static void main(String[] args) throws Exception {
        EvidensHome home = new EvidensHome(Path.of(args[0]).toAbsolutePath());
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long pause = args.length > 2 ? Long.parseLong(args[2]) : 0;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        SearchMix mix = SearchMix.ofSampleVocabulary(args.length > 3 ? Integer.parseInt(args[3]) : 400);
        Duration wait = Duration.ofSeconds(60);
        try (EvidenceIndex searcher = IndexBackend.of(home).open();
             TrailWriter trail = new TrailWriter(FindingsService.storeDir(home), home.root().resolve(AuditService.CHAIN_FILE), wait)) {
            SearcherSource source = SearcherSource.opening(IndexBackend.of(home));
            FindingsService findings = new FindingsService(home, source, wait).withTrailWriter(trail);
            AuditService audit = findings.audit();
            Thread writer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("evidens-audit-trail")).findFirst()
                    .orElseThrow();
            long[] nanos = new long[STEPS.length];
            long bytesIndented = 0;
            long bytesCompact = 0;
            int n = 0;
            for (int round = 0; round < rounds; round++) {
                boolean measured = round > 0; // the first round warms up (class loading, JIT)
                for (SearchMix.Search s : mix.searches()) {
                    long[] t = new long[STEPS.length + 1];
                    long w0 = cpu.getThreadCpuTime(writer.getId());
                    t[0] = cpu.getCurrentThreadCpuTime();
                    boolean grouped = s.kind() == SearchMix.Kind.GROUPED;
                    SearchResult r = grouped ? searcher.searchForGrouping(s.request(), SearchMix.GROUPED_HITS, DocumentGroups.PASSAGES_PER_DOCUMENT)
                            : searcher.search(s.request());
                    t[1] = cpu.getCurrentThreadCpuTime();
                    DocumentGroups groups = grouped ? DocumentGroups.of(r.hits(), r.total(), 0, SearchMix.PAGE) : null;
                    List<SearchHit> shown = grouped ? groups.shownHits() : r.hits();
                    t[2] = cpu.getCurrentThreadCpuTime();
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("query", s.query());
                    out.put("total", r.total());
                    out.put("hits", shown);
                    out.put("facets", r.facets());
                    out.put("usedBy", findings.usedBy(shown));
                    if (grouped) {
                        out.put("documents", groups.documents());
                    }
                    t[3] = cpu.getCurrentThreadCpuTime();
                    byte[] indented = Json.write(out).getBytes(StandardCharsets.UTF_8);
                    t[4] = cpu.getCurrentThreadCpuTime();
                    byte[] compact = Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsBytes(out);
                    t[5] = cpu.getCurrentThreadCpuTime();
                    audit.searched("webcosts", null, s.query(), "", (int) r.total());
                    t[6] = cpu.getCurrentThreadCpuTime();
                    if (pause > 0) {
                        Thread.sleep(pause);
                    }
                    long w1 = cpu.getThreadCpuTime(writer.getId());
                    if (measured) {
                        for (int i = 0; i < 6; i++) {
                            nanos[i] += t[i + 1] - t[i];
                        }
                        nanos[6] += w1 - w0;
                        bytesIndented += indented.length;
                        bytesCompact += compact.length;
                        n++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "web costs: %d searches of the bench web mix, one at a time, %d ms apart, on %s (thread CPU per search)%n",
                    n, pause, home.root());
            for (int i = 0; i < STEPS.length; i++) {
                System.out.printf(Locale.ROOT, "  %-36s %8.3f ms%n", STEPS[i], nanos[i] / 1e6 / n);
            }
            System.out.printf(Locale.ROOT, "  JSON size: indented %,d bytes, compact %,d bytes a search%n", bytesIndented / n, bytesCompact / n);
        }
        try (FindingStore store = FindingStore.open(FindingsService.storeDir(home))) {
            System.out.println("  (the findings store is at schema " + store.schemaVersion() + ")");
        }
    }
}
