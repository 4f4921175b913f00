package no.evidens.solr;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.client.solrj.request.HealthCheckRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.cloud.ClusterState;
import org.apache.solr.common.cloud.DocCollection;

import no.evidens.index.IndexHealth;
import no.evidens.index.IndexUnreachableException;

/**
 * A look at the cluster for a health check: whether ZooKeeper answers this connection, whether the collection is there,
 * whether each shard has an active leader, whether each live node answers Solr's own health request within
 * {@link #NODE_BOUND_MS} (or refuses the connection), and whether each active core answers a search of its own within
 * the same bound. Every step has a time bound (ZooKeeper's state is read on a thread of its own and given {@link
 * #ZOOKEEPER_BOUND_MS}; the nodes and the cores are asked at once, side by side), so one look takes at most about their sum; a look is
 * kept for {@link #FRESH_MS} (unless {@link #FRESH_PROPERTY} says otherwise) and shared by the callers meanwhile, so a health check polled every second asks the cluster
 * once in five seconds. Thread-safe.
 */
public final class ClusterHealth implements AutoCloseable {
    /** How long a live node may take to answer the look before it is said to hang. */
    static final long NODE_BOUND_MS = 2_000;
    /** How long reading the collection's state from ZooKeeper may take before ZooKeeper is said not to answer. */
    static final long ZOOKEEPER_BOUND_MS = 2_000;
    /** How long a look is kept, unless {@link #FRESH_PROPERTY} says otherwise. */
    static final long FRESH_MS = 5_000;
    /**
     * A system property: how long a look is kept, in whole seconds over 0, for the looks made after it is set (an
     * operator's choice; the cluster tests keep one a second, so that a change they make is seen within a second of a
     * poll, not five). Unset or unreadable: {@link #FRESH_MS}.
     */
    static final String FRESH_PROPERTY = "evidens.solr.health-kept-seconds";
    /** The most a caller waits for a look (its steps' bounds and a margin); after that it is told ZooKeeper did not answer. */
    static final long WAIT_MS = ZOOKEEPER_BOUND_MS + NODE_BOUND_MS + 1_000;

    /** Where a look reads the cluster's state. */
    interface StateSource {
        /** Whether ZooKeeper answers the connection now, told at once. */
        boolean inSession();

        /** What ZooKeeper holds now (may wait on it: a look gives it {@link #ZOOKEEPER_BOUND_MS}). */
        Snapshot read();
    }

    /** What ZooKeeper holds: the live nodes, the collection (null when there is none) and the nodes' URL scheme. */
    record Snapshot(Set<String> live, DocCollection collection, String scheme) {
    }

    private final StateSource source;
    /** Closed with the look: a command's own connection; null for a server's, which its index closes. */
    private final SolrNodes owned;
    /** Reads of ZooKeeper's state, one at a time: a read that hangs holds only this thread, and the next look's read waits. */
    private final ExecutorService zookeeperReads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evidens-solr-health");
        t.setDaemon(true);
        return t;
    });
    /** Clients for the look, by base URL (their time-out is the look's). */
    private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();
    /** How long a look is kept here: {@link #FRESH_MS}, or {@link #FRESH_PROPERTY}'s when set. */
    private final long freshMs;
    private IndexHealth last;
    private long lastAtMs;
    private CompletableFuture<IndexHealth> inFlight;

    /** Looks at the cluster of {@code nodes} (a server's: its connection to ZooKeeper). */
    ClusterHealth(SolrNodes nodes) {
        this(zooKeeperOf(nodes), null);
    }

    /** Looks at the state {@code source} reads; {@code owned}, when not null, is closed with this (a command's connection). */
    ClusterHealth(StateSource source, SolrNodes owned) {
        this.source = source;
        this.owned = owned;
        this.freshMs = keptMs(System.getProperty(FRESH_PROPERTY));
    }

    /** How long a look is kept that a setting of {@link #FRESH_PROPERTY} gives: {@link #FRESH_MS} when unset or unreadable. */
    static long keptMs(String setting) {
        return SolrNodes.secondsSetting(setting).orElse((int) FRESH_MS);
    }

    private static StateSource zooKeeperOf(SolrNodes nodes) {
        return new StateSource() {
            @Override
            public boolean inSession() {
                ZooKeeperLink zk = nodes.zooKeeper();
                return zk != null && zk.inSession();
            }

            @Override
            public Snapshot read() {
                ZkClientClusterStateProvider state = nodes.zooKeeper().ifConnected();
                Set<String> live = new TreeSet<>(state.getLiveNodes());
                ClusterState.CollectionRef ref = state.getState(nodes.target().collection());
                return new Snapshot(live, ref == null ? null : ref.get(), state.getClusterProperty("urlScheme", "http"));
            }
        };
    }

    /**
     * The cluster at {@code target} as a command sees it: connected to its ZooKeeper now (up to the connect wait, {@link
     * SolrNodes#ZK_CONNECT_PROPERTY}), looked at once.
     */
    public static IndexHealth check(SolrTarget target) {
        try {
            return lookOnce(target);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof IndexUnreachableException) {
                return IndexHealth.of(IndexHealth.State.ZOOKEEPER_UNREACHABLE, NODE_BOUND_MS);
            }
            throw e;
        }
    }

    /**
     * As {@link #check}, but a ZooKeeper that cannot be reached is thrown as the connection says it (an {@link
     * IllegalStateException} caused by an {@link IndexUnreachableException}), for a command that would connect next.
     */
    public static IndexHealth lookOnce(SolrTarget target) {
        SolrNodes nodes = new SolrNodes(target);
        try (ClusterHealth health = new ClusterHealth(zooKeeperOf(nodes), nodes)) {
            return health.now();
        }
    }

    /** The last look when it is fresh, else a new one (or the one in flight), waiting at most {@link #WAIT_MS}. */
    IndexHealth now() {
        CompletableFuture<IndexHealth> mine = null;
        CompletableFuture<IndexHealth> shared;
        synchronized (this) {
            if (last != null && System.currentTimeMillis() - lastAtMs < freshMs) {
                return last;
            }
            if (inFlight == null) {
                inFlight = mine = new CompletableFuture<>();
            }
            shared = inFlight;
        }
        if (mine != null) {
            IndexHealth seen;
            try {
                seen = look();
            } catch (RuntimeException e) {
                // SolrJ says a ZooKeeper that went away unchecked
                seen = IndexHealth.of(IndexHealth.State.ZOOKEEPER_UNREACHABLE, NODE_BOUND_MS);
            }
            synchronized (this) {
                last = seen;
                lastAtMs = System.currentTimeMillis();
                inFlight = null;
            }
            mine.complete(seen);
            return seen;
        }
        try {
            return shared.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return IndexHealth.of(IndexHealth.State.ZOOKEEPER_UNREACHABLE, NODE_BOUND_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IndexHealth.of(IndexHealth.State.ZOOKEEPER_UNREACHABLE, NODE_BOUND_MS);
        }
    }

    /** One look, within about {@link #ZOOKEEPER_BOUND_MS} and {@link #NODE_BOUND_MS}. */
    private IndexHealth look() {
        if (!source.inSession()) {
            return IndexHealth.of(IndexHealth.State.ZOOKEEPER_UNREACHABLE, NODE_BOUND_MS);
        }
        Future<Snapshot> read = zookeeperReads.submit(source::read);
        Snapshot seen;
        try {
            seen = read.get(ZOOKEEPER_BOUND_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            read.cancel(true);
            return IndexHealth.of(IndexHealth.State.ZOOKEEPER_UNREACHABLE, NODE_BOUND_MS);
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            return IndexHealth.of(IndexHealth.State.ZOOKEEPER_UNREACHABLE, NODE_BOUND_MS);
        }
        if (seen.live().isEmpty()) {
            return IndexHealth.of(IndexHealth.State.NO_LIVE_NODE, NODE_BOUND_MS);
        }
        if (seen.collection() == null) {
            return IndexHealth.of(IndexHealth.State.COLLECTION_MISSING, NODE_BOUND_MS);
        }
        List<ClusterVerdict.Shard> shards = ClusterVerdict.shards(seen.collection(), seen.live());
        // the nodes and the cores are asked side by side: a look takes the longer of the two bounds, not their sum
        Map<String, CompletableFuture<Throwable>> cores = askCores(shards, seen.live(), seen.scheme());
        Map<String, CompletableFuture<Throwable>> nodes = askNodes(seen.live(), seen.scheme());
        Set<String> answering = new TreeSet<>();
        Set<String> refused = new TreeSet<>();
        nodes.forEach((node, asked) -> {
            Throwable failure = asked.join();
            if (failure == null || !(refused(failure) || timedOut(failure))) {
                answering.add(node); // any answer: a node that says it is unwell answers
            } else if (refused(failure)) {
                refused.add(node);
            }
        });
        Set<String> stuck = new TreeSet<>();
        cores.forEach((core, asked) -> {
            if (asked.join() != null) {
                stuck.add(core); // no answer in time, or an error: the core does not serve a search
            }
        });
        return ClusterVerdict.judge(shards, seen.live(), new ClusterVerdict.Answers(answering, refused, stuck), NODE_BOUND_MS);
    }

    /** Solr's health request to every live node at once: what each one's asking ended with (null: it answered). */
    private Map<String, CompletableFuture<Throwable>> askNodes(Set<String> live, String scheme) {
        Map<String, CompletableFuture<Throwable>> out = new java.util.TreeMap<>();
        for (String node : live) {
            out.put(node, failureOf(client(SolrNodes.baseUrl(node, scheme)).requestAsync(new HealthCheckRequest(), null)));
        }
        return out;
    }

    /**
     * A search of its own ({@code rows=0}, {@code distrib=false}: the core alone, nothing fetched) to every core ZooKeeper
     * says is active on a live node, all at once: a node's health request says the node answers, not that each core can
     * search (a core whose searcher is blocked, or that the node did not load). Solr's {@code requireHealthyCores} would ask
     * the cores too, but it also fails for a core still recovering, which is not active and is said {@code replicas-down}.
     */
    private Map<String, CompletableFuture<Throwable>> askCores(List<ClusterVerdict.Shard> shards, Set<String> live, String scheme) {
        Map<String, CompletableFuture<Throwable>> out = new java.util.TreeMap<>();
        for (ClusterVerdict.Shard shard : shards) {
            for (ClusterVerdict.Copy c : shard.copies()) {
                if (c.active() && c.core() != null && live.contains(c.node())) {
                    SolrQuery q = new SolrQuery("*:*").setRows(0);
                    q.set("distrib", false);
                    q.setTimeAllowed((int) NODE_BOUND_MS);
                    out.put(c.core(), failureOf(client(SolrNodes.baseUrl(c.node(), scheme)).requestAsync(new QueryRequest(q), c.core())));
                }
            }
        }
        return out;
    }

    private static CompletableFuture<Throwable> failureOf(CompletableFuture<?> asked) {
        return asked.orTimeout(NODE_BOUND_MS + 500, TimeUnit.MILLISECONDS).handle((answer, failure) -> failure);
    }

    /** The connection refused: a node listed live that is gone (its entry stays until its session expires). */
    private static boolean refused(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** No answer in time: a node that hangs. */
    private static boolean timedOut(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private HttpJdkSolrClient client(String baseUrl) {
        return clients.computeIfAbsent(baseUrl, u -> SolrHttp.client(u, NODE_BOUND_MS, NODE_BOUND_MS));
    }

    @Override
    public void close() {
        zookeeperReads.shutdownNow();
        for (HttpJdkSolrClient c : clients.values()) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing after the look: nothing to report
            }
        }
        clients.clear();
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException ignored) {
                // a command's connection, closed after its look
            }
        }
    }
}
