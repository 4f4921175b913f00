package no.evidens.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Solr nodes that did not answer a request in time or refused its connection (a frozen process, a GC storm, a node
 * going down), set aside for a while so that the next requests go to the other nodes first, rather than each waiting the
 * answer time-out on the same node again. When the while is over, one request (the first that asks) tries the node first
 * again, and the node is set aside for another while from then on, so concurrent requests do not all wait on it; it is
 * back once it answers. A node set aside is still tried, after the others: when every node is set aside the requests
 * try them all, as if none were. Thread-safe.
 *
 * <p>SolrJ's load balancers keep such "zombie" servers aside too, but {@code LBHttp2SolrClient} only takes Jetty's
 * {@code Http2SolrClient} (Jetty 10, which cannot share a class path with the web workspace's Jetty 12), and its base
 * {@code LBSolrClient} tries each server once per request and revives zombies from a thread of its own that pings a fixed
 * list; {@link SolrNodes} takes its nodes from ZooKeeper at each round and keeps trying them for a while, so the
 * little bookkeeping it needs is here instead.
 */
final class NodesSetAside {
    /** How long a node that did not answer is passed over before one request tries it first again. */
    static final long WHILE_MS = TimeUnit.SECONDS.toMillis(30);

    private final long whileMs;
    private final LongSupplier clockMs;
    /** Base URL of a node set aside, and when its while is over (by {@link #clockMs}). */
    private final Map<String, Long> until = new ConcurrentHashMap<>();

    NodesSetAside() {
        this(WHILE_MS, System::currentTimeMillis);
    }

    NodesSetAside(long whileMs, LongSupplier clockMs) {
        this.whileMs = whileMs;
        this.clockMs = clockMs;
    }

    /**
     * The nodes in the order to try them: a node whose while is over and that this call claims (one call per while) first,
     * then the nodes not set aside, then the nodes still set aside, each group in the order given.
     */
    List<String> order(List<String> nodes) {
        long now = clockMs.getAsLong();
        List<String> due = new ArrayList<>();
        List<String> free = new ArrayList<>();
        List<String> aside = new ArrayList<>();
        for (String node : nodes) {
            Long end = until.get(node);
            if (end == null) {
                free.add(node);
            } else if (end <= now && until.replace(node, end, now + whileMs)) {
                due.add(node);
            } else {
                aside.add(node);
            }
        }
        due.addAll(free);
        due.addAll(aside);
        return due;
    }

    /** The node did not answer in time or refused the connection. */
    void failed(String node) {
        until.put(node, clockMs.getAsLong() + whileMs);
    }

    /** The node answered (whatever it said). */
    void answered(String node) {
        until.remove(node);
    }
}
