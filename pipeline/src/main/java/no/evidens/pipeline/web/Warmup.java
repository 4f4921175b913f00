package no.evidens.pipeline.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.bundle.DocumentTypes;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.TrailWriter;
import no.evidens.pipeline.search.DocumentGroups;

/**
 * Warms the server before it says it is ready, as Solr's {@code firstSearcher} warming queries do, so that
 * the first person's search does not pay for what every first search pays: loading and initialising the
 * classes of the search path (query parsing, facets, grouping, highlighting), the first facet filter, JSON
 * writing of hits, the findings store (opened, its schema checked: the quotations of the hits and the audit
 * trail read and write it) and Jetty's handling of a request.
 *
 * <p>The findings store is opened on a thread of its own while the index opens ({@link #store}); the searches
 * follow once the index is open and Jetty has started. It makes the searches a workspace makes (grouped with a facet filter, and plain) on the searcher and
 * the findings service directly, not over HTTP, so nothing is written to the audit trail: nobody searched.
 * Over HTTP it asks only for the workspace's words ({@code /api/tekster}), which records nothing. A failure
 * is logged and ignored: warming is an optimisation, never a reason not to start.
 *
 * <p>It runs on a thread of its own ({@link #start}): the server waits for it before it says it is ready, except that a
 * remote index (SolrCloud) is waited for at most {@link #REMOTE_WAIT}, so that a cluster that is down or hung (each
 * search then waits the read's time-out) does not keep the address from the person starting the server.
 */
final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    /** Words of the domain, as a configured warming query names them; a word the index lacks still warms the path. */
    static final List<String> QUERIES = List.of("plan samarbeid");
    private static final int GROUPED_HITS = 400;
    /**
     * How long the server waits for the warm-up of a remote index before it says it is open: a cluster that answers
     * does in well under a second (a broad faceted search's p95 is 44 ms at 1 M passages); one that is down takes the
     * read's time-out (10 s), one that hangs 20 s per node.
     */
    static final Duration REMOTE_WAIT = Duration.ofSeconds(2);
    /** {@code EVIDENS_WARMUP=off} starts without warming (to measure what warming saves). */
    static final String OFF = "EVIDENS_WARMUP";

    private Warmup() {
    }

    /**
     * @param port the server's port, for one request over HTTP on the loopback address, or -1 for none
     *             (a TLS connector: a plain request would be refused)
     */
    static IndexUnreachableException run(SharedIndex index, FindingsService findings, Thread store, int port) {
        if (!on()) {
            return null;
        }
        long t0 = System.nanoTime();
        IndexUnreachableException unanswered = null;
        try {
            try {
                EvidenceIndex searcher = index.searcherIfAny();
                if (searcher != null) {
                    for (String q : QUERIES) {
                        search(searcher, findings, q);
                    }
                }
            } catch (IndexUnreachableException e) {
                // said by the caller (serve prints it); the rest of the warm-up needs no index
                LOG.info("warming up: the index does not answer");
                unanswered = e;
            }
            if (port > 0) {
                try {
                    http(port);
                } catch (IOException e) {
                    LOG.debug("warming up over HTTP: {}", e.getClass().getName());
                }
            }
            store.join();
            LOG.info("warmed up in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warn("warming up failed ({}): the first search will be slower", e.getClass().getName());
        }
        return unanswered;
    }

    /**
     * Runs the warm-up ({@link #run}) on a thread of its own.
     *
     * @return its end: null when the index answered (or there was none, or warming is off), else the index's failure
     */
    static CompletableFuture<IndexUnreachableException> start(SharedIndex index, FindingsService findings, Thread store, int port) {
        CompletableFuture<IndexUnreachableException> end = new CompletableFuture<>();
        Thread t = new Thread(() -> end.complete(run(index, findings, store, port)), "evidens-warmup");
        t.setDaemon(true);
        t.start();
        return end;
    }

    /** Waits for the warm-up: to its end, or at most {@link #REMOTE_WAIT} for a remote index. */
    static void await(CompletableFuture<IndexUnreachableException> end, boolean remote) {
        try {
            if (remote) {
                end.get(REMOTE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                end.get();
            }
        } catch (TimeoutException e) {
            // still waiting for the cluster: the server is open meanwhile, and says so
        } catch (ExecutionException e) {
            // run catches what warming meets; nothing else can end it
            LOG.warn("warming up failed ({})", e.getCause().getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts opening the findings store on a thread of its own (H2's classes, the schema check), to overlap
     * with opening the index; {@link #run} waits for it.
     */
    static Thread store(TrailWriter trail) {
        Thread t = new Thread(() -> {
            if (!on()) {
                return;
            }
            try {
                trail.warm();
            } catch (RuntimeException e) {
                LOG.warn("warming up the findings store failed ({})", e.getClass().getName());
            }
        }, "evidens-warmup-store");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean on() {
        return !"off".equals(System.getenv(OFF));
    }

    /** A grouped search with a facet filter and a plain one, as {@link SearchResource} makes them, written as JSON. */
    private static void search(EvidenceIndex searcher, FindingsService findings, String q) throws IOException {
        SearchRequest filtered = new SearchRequest(q, null, null, 10, 0, SearchRequest.Order.RELEVANCE,
                Map.of("type", List.of(DocumentTypes.STYRINGSDOKUMENT)));
        SearchResult grouped = searcher.searchForGrouping(filtered, GROUPED_HITS, DocumentGroups.PASSAGES_PER_DOCUMENT);
        DocumentGroups groups = DocumentGroups.of(grouped.hits(), grouped.total(), 0, 10);
        write(grouped, groups.shownHits(), findings);
        Json.write(groups.documents());
        SearchResult plain = searcher.search(new SearchRequest(q, null, null, 10, 0, SearchRequest.Order.RELEVANCE, Map.of()));
        write(plain, plain.hits(), findings);
    }

    private static void write(SearchResult r, List<SearchHit> shown, FindingsService findings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", r.total());
        out.put("hits", shown);
        out.put("facets", r.facets());
        out.put("usedBy", findings.usedBy(shown));
        Json.write(out);
    }

    /** One request through Jetty, the guard, the routes and the JSON writer: the workspace's words (recorded nowhere). */
    private static void http(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + TextsResource.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            in.readAllBytes();
        }
    }
}
