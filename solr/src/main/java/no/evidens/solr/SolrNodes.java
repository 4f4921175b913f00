package no.evidens.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLDecoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.common.util.NamedList;

import no.evidens.index.IndexUnreachableException;

/**
 * The live Solr nodes of a SolrCloud (read from ZooKeeper) and requests to them over the JDK's HTTP
 * client, each tried on the next node when one fails, for a while, as a node stops or a shard elects a new
 * leader. SolrJ's own cloud client does this with Jetty 10's HTTP/2 client, which cannot share a class path
 * with the web workspace's Jetty 12; Solr itself routes every request to the shards it concerns, so any
 * live node will do. When no node answered for that while, the cluster is taken to be down: later requests try each
 * live node once and give up at once, rather than waiting the while again for every request (an ingestion's check of
 * each file, a workspace's every search), until a node answers again. A node that did not answer in time or refused the connection is tried after the others for
 * a while ({@link NodesSetAside}), so a hung node costs one request its time-out, not every request. Reads (searches, documents, an ingestion's check
 * of a file) wait less than writes ({@link #READS}, {@link #WRITES}): a person is waiting for them, and any replica can
 * answer one, where a write needs its shard's leader. ZooKeeper is reached through a {@link ZooKeeperLink}: connected at
 * once for a command, in the background for a server (its requests meanwhile said at once as the index not answering).
 * Thread-safe.
 */
final class SolrNodes implements AutoCloseable {
    /**
     * How long a request keeps trying the live nodes when none answers, and how long one node may take to answer one
     * request (SolrJ's request time-out: the JDK client's time limit on the whole exchange). A request tries every live
     * node at least once, so a cluster that hangs (nodes that take the connection and never answer) costs up to the
     * time-out once per live node.
     */
    record Patience(long retryForMs, long answerWithinMs) {
    }

    /** A search, a document, a check of a file: a replica answers at once while another node restarts. */
    static final Patience READS = new Patience(TimeUnit.SECONDS.toMillis(10), TimeUnit.SECONDS.toMillis(20));
    /**
     * Updates, commits and the Collections API: a leader election takes some seconds, a commit under load longer. A node
     * gets 120 s: an update of up to 2 million characters or a commit on a loaded archive may take tens of seconds, and
     * the JDK client cannot tell a node still working from one that went silent before that bound ({@link SolrHttp}).
     */
    static final Patience WRITES = new Patience(TimeUnit.SECONDS.toMillis(60), TimeUnit.SECONDS.toMillis(120));
    private static final long PAUSE_MS = 500;
    /**
     * A system property: how long a new connection waits for ZooKeeper before the index counts as away, in whole
     * seconds over 0 (an operator's choice, as a command's wait for a cluster that is gone; the cluster tests use a
     * short one). Unset or unreadable: SolrJ's own wait.
     */
    static final String ZK_CONNECT_PROPERTY = "evidens.solr.zk-connect-seconds";
    /**
     * System properties: how long a read keeps trying the live nodes when none answers ({@link #READS}' 10 s), and how long
     * one node may take to answer it (20 s), in whole seconds over 0, for the connections made after they are set (an
     * operator's choice, as for a cluster on a slow network; the cluster tests use short ones, so that a cluster they
     * stopped or a node they hung costs them seconds, not the product's while). Unset or unreadable: {@link #READS}.
     */
    static final String READ_RETRY_PROPERTY = "evidens.solr.read-retry-seconds";
    static final String READ_ANSWER_PROPERTY = "evidens.solr.read-answer-seconds";

    private final SolrTarget target;
    /** Null when the live nodes come from elsewhere (a test's). */
    private final ZooKeeperLink zk;
    /** A test's live nodes, when {@link #zk} is null. */
    private final Supplier<Set<String>> liveNodeNames;
    private final Patience reads;
    private final Patience writes;
    /** Clients by base URL and time-out. */
    private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    /** Nodes that last hung or refused the connection, tried after the others for a while. */
    private final NodesSetAside setAside;
    /** Set when a request found no node answering for its while; cleared when one answers. */
    private volatile boolean down;
    /** Set once ZooKeeper said the collection is there. */
    private volatile boolean collectionFound;

    /**
     * The nodes of the cluster at {@code target}, connected to its ZooKeeper now (a command's).
     *
     * @throws IllegalStateException caused by an {@link IndexUnreachableException} when ZooKeeper cannot be reached
     */
    SolrNodes(SolrTarget target) {
        this(target, ZooKeeperLink.now(target));
    }

    /** The nodes of the cluster {@code zk} connects to (at once, or in the background: {@link ZooKeeperLink}). */
    SolrNodes(SolrTarget target, ZooKeeperLink zk) {
        this(target, zk, NodesSetAside.of(target));
    }

    /** The same, the nodes that did not answer set aside by {@code setAside} (a server's: in its process, for 30 s). */
    SolrNodes(SolrTarget target, ZooKeeperLink zk, NodesSetAside setAside) {
        this.target = target;
        this.zk = zk;
        this.liveNodeNames = null;
        this.reads = reads(System.getProperty(READ_RETRY_PROPERTY), System.getProperty(READ_ANSWER_PROPERTY));
        this.writes = WRITES;
        this.setAside = setAside;
    }

    /** Requests to the nodes {@code liveNodeNames} names ({@code host:port_context}), over http, without ZooKeeper. */
    SolrNodes(SolrTarget target, Supplier<Set<String>> liveNodeNames, long retryForMs) {
        this(target, liveNodeNames, new Patience(retryForMs, READS.answerWithinMs()), new Patience(retryForMs, WRITES.answerWithinMs()));
    }

    /** The same, with the patience of reads and writes given. */
    SolrNodes(SolrTarget target, Supplier<Set<String>> liveNodeNames, Patience reads, Patience writes) {
        this(target, liveNodeNames, reads, writes, NodesSetAside.of(target));
    }

    /** The same, with the nodes that did not answer kept aside by {@code setAside}. */
    SolrNodes(SolrTarget target, Supplier<Set<String>> liveNodeNames, Patience reads, Patience writes, NodesSetAside setAside) {
        this.target = target;
        this.zk = null;
        this.liveNodeNames = liveNodeNames;
        this.reads = reads;
        this.writes = writes;
        this.setAside = setAside;
    }

    /** The patience of reads that settings of {@link #READ_RETRY_PROPERTY} and {@link #READ_ANSWER_PROPERTY} give: each {@link #READS}' when unset. */
    static Patience reads(String retrySetting, String answerSetting) {
        return new Patience(secondsSetting(retrySetting).orElse((int) READS.retryForMs()),
                secondsSetting(answerSetting).orElse((int) READS.answerWithinMs()));
    }

    /**
     * The wait a setting in whole seconds gives, in milliseconds (ZooKeeper's, {@link #ZK_CONNECT_PROPERTY}, and a read's);
     * none when it is unset or not a whole number of seconds over 0 (SolrJ's own wait, or the default).
     */
    static OptionalInt secondsSetting(String setting) {
        OptionalInt seconds = wholeSetting(setting);
        return seconds.isPresent() && seconds.getAsInt() <= Integer.MAX_VALUE / 1000
                ? OptionalInt.of((int) TimeUnit.SECONDS.toMillis(seconds.getAsInt())) : OptionalInt.empty();
    }

    /** The whole number over 0 a setting gives (a page's entries, a number of seconds); none when unset or unreadable. */
    static OptionalInt wholeSetting(String setting) {
        if (setting != null) {
            try {
                int whole = Integer.parseInt(setting.trim());
                if (whole > 0) {
                    return OptionalInt.of(whole);
                }
            } catch (NumberFormatException unreadable) {
                // none, below
            }
        }
        return OptionalInt.empty();
    }

    SolrTarget target() {
        return target;
    }

    /** The connection to ZooKeeper; null when the live nodes come from elsewhere (a test's). */
    ZooKeeperLink zooKeeper() {
        return zk;
    }

    /**
     * Base URLs of the live nodes, e.g. {@code http://10.0.0.5:8983/solr}.
     *
     * @throws IndexUnreachableException when ZooKeeper was not reached yet
     */
    List<String> liveNodes() throws IndexUnreachableException {
        List<String> urls = new ArrayList<>();
        ZkClientClusterStateProvider state = zk == null ? null : zk.provider();
        String scheme = state == null ? "http" : state.getClusterProperty("urlScheme", "http");
        for (String node : state == null ? liveNodeNames.get() : state.getLiveNodes()) {
            urls.add(baseUrl(node, scheme));
        }
        urls.sort(null);
        return urls;
    }

    /**
     * A live node's base URL from its name in ZooKeeper ({@code host:port_context}, the context URL-encoded);
     * SolrJ's helper for it is deprecated in 9.10 without a public replacement.
     */
    static String baseUrl(String nodeName, String scheme) {
        int sep = nodeName.indexOf('_');
        String hostPort = sep < 0 ? nodeName : nodeName.substring(0, sep);
        String context = sep < 0 ? "" : URLDecoder.decode(nodeName.substring(sep + 1), StandardCharsets.UTF_8);
        return scheme + "://" + hostPort + (context.isEmpty() ? "" : "/" + context);
    }

    /** Waits until every replica of the collection is active on a live node (after it is created). */
    void awaitActive(long timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        ZkClientClusterStateProvider zk = this.zk.provider();
        while (true) {
            DocCollection c = zk.getState(target.collection()) == null ? null : zk.getState(target.collection()).get();
            Set<String> live = zk.getLiveNodes();
            if (c != null && allActive(c, live)) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("the collection " + target.collection() + " did not become active within "
                        + timeoutMs / 1000 + " s");
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the collection", e);
            }
        }
    }

    private static boolean allActive(DocCollection c, Set<String> live) {
        return !c.getSlices().isEmpty() && c.getSlices().stream()
                .allMatch(slice -> !slice.getReplicas().isEmpty() && slice.getReplicas().stream().allMatch(r -> r.isActive(live)));
    }

    /**
     * Whether the cluster has the collection: asked of ZooKeeper until it is found, then known (every search asks, and a
     * ZooKeeper that holds the connection without answering held each search with it; a collection deleted under a
     * running Evidens is then Solr's own error on the next request). While ZooKeeper has not been reached yet (a server's
     * connection in the background) it is not known to be missing: true, and each request says the index does not answer.
     */
    boolean hasCollection() {
        if (!collectionFound) {
            ZkClientClusterStateProvider state = zk.ifConnected();
            if (state == null) {
                return true;
            }
            collectionFound = state.getState(target.collection()) != null && state.getState(target.collection()).get() != null;
        }
        return collectionFound;
    }

    /**
     * Whether an ingestion could write now, as far as this connection tells at once: ZooKeeper answers it (an ingestion
     * connects to ZooKeeper anew) and names a live node. Asks nothing of the cluster: SolrJ's client knows both.
     */
    boolean writable() {
        try {
            return (zk == null || zk.inSession()) && !liveNodes().isEmpty();
        } catch (IndexUnreachableException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Sends a request about the collection (or, with {@code collection} null, about the cluster), trying the live nodes
     * for a while (a minute for a write, 10 s for a read); once the cluster was found down, each live node once.
     */
    NamedList<Object> request(SolrRequest<?> request, String collection) throws IOException {
        return request(request, collection, answer -> true);
    }

    /**
     * A search of the collection (posted: a case's filters may be long), as {@link #request} sends it. A node's answer
     * without its results is that node's failure, and the next node is tried, as for a node that did not answer: a
     * caller reading the results would otherwise meet a NullPointerException (CI, 2026-12-07: a file of an ingest
     * failed so while SolrCloudIT stopped a node, its check "is this file in the case?" reading such an answer).
     */
    QueryResponse query(SolrParams q, String collection) throws IOException {
        return new QueryResponse(request(new QueryRequest(q, SolrRequest.METHOD.POST), collection, SolrNodes::hasResults), null);
    }

    /** Whether a search's answer holds its results. */
    static boolean hasResults(NamedList<Object> answer) {
        return answer != null && answer.get("response") != null;
    }

    private NamedList<Object> request(SolrRequest<?> request, String collection, Predicate<NamedList<Object>> whole)
            throws IOException {
        Patience patience = request instanceof QueryRequest ? reads : writes;
        if (zk != null) {
            zk.provider(); // ZooKeeper not reached yet: said at once, not after the while (it is being tried in the background)
        }
        boolean wasDown = down;
        long deadline = System.currentTimeMillis() + (wasDown ? 0 : patience.retryForMs());
        Exception last = null;
        while (true) {
            List<String> nodes;
            try {
                nodes = liveNodes();
            } catch (IndexUnreachableException | RuntimeException e) {
                // ZooKeeper does not answer (SolrJ says so unchecked): no node known to try, as when none is live
                nodes = List.of();
                last = e;
            }
            if (nodes.isEmpty() && last == null) {
                last = new IOException("no live Solr node");
            }
            for (String url : setAside.order(rotated(nodes))) {
                try {
                    NamedList<Object> answer = client(url, patience).request(request, collection);
                    setAside.answered(url);
                    if (!whole.test(answer)) {
                        last = new IOException("the node at " + url + " answered without the results");
                        continue;
                    }
                    down = false;
                    return answer;
                } catch (SolrException e) {
                    setAside.answered(url);
                    if (e.code() >= 400 && e.code() < 500) {
                        down = false;
                        throw e;
                    }
                    last = e;
                } catch (SolrServerException | IOException e) {
                    if (hungOrRefused(e)) {
                        setAside.failed(url);
                    }
                    last = e;
                }
            }
            if (System.currentTimeMillis() >= deadline) {
                down = true;
                throw new IndexUnreachableException("SolrCloud at " + target + " did not answer" + (wasDown ? " (still down)" : " for "
                        + patience.retryForMs() / 1000 + " s") + ": " + said(last), last);
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for SolrCloud", e);
            }
        }
    }

    /** What the last failure said: its message, or its type when it has none (not the word "null"). */
    private static String said(Exception last) {
        if (last == null) {
            return "";
        }
        return last.getMessage() != null ? last.getMessage() : last.getClass().getName();
    }

    /** The nodes from the next one in turn on, so that requests share the work among them. */
    private List<String> rotated(List<String> nodes) {
        int first = next.getAndIncrement();
        List<String> turn = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            turn.add(nodes.get(Math.floorMod(first + i, nodes.size())));
        }
        return turn;
    }

    /** Whether the node gave no answer within its time-out or refused the connection (not: it answered an error). */
    private static boolean hungOrRefused(Exception e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private HttpJdkSolrClient client(String baseUrl, Patience patience) {
        return clients.computeIfAbsent(baseUrl + " " + patience.answerWithinMs(),
                k -> SolrHttp.client(baseUrl, SolrHttp.CONNECT_MS, patience.answerWithinMs()));
    }

    @Override
    public void close() throws IOException {
        for (HttpJdkSolrClient c : clients.values()) {
            c.close();
        }
        clients.clear();
        if (zk != null) {
            zk.close();
        }
    }
}
