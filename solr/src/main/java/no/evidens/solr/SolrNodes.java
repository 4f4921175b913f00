package no.evidens.solr;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.util.NamedList;

import no.evidens.index.IndexUnreachableException;

/**
 * The live Solr nodes of a SolrCloud (read from ZooKeeper) and requests to them over the JDK's HTTP
 * client, each tried on the next node when one fails, for a while, as a node stops or a shard elects a new
 * leader. SolrJ's own cloud client does this with Jetty 10's HTTP/2 client, which cannot share a class path
 * with the web workspace's Jetty 12; Solr itself routes every request to the shards it concerns, so any
 * live node will do. When no node answered for that while, the cluster is taken to be down: later requests try each
 * live node once and give up at once, rather than waiting the while again for every request (an ingestion's check of
 * each file, a workspace's every search), until a node answers again. Thread-safe.
 */
final class SolrNodes implements AutoCloseable {
    /** How long a request keeps trying other nodes (a leader election takes some seconds). */
    private static final long RETRY_FOR_MS = TimeUnit.SECONDS.toMillis(60);
    private static final long PAUSE_MS = 500;

    private final SolrTarget target;
    /** Null when the live nodes come from elsewhere (a test's). */
    private final ZkClientClusterStateProvider zk;
    private final Supplier<Set<String>> liveNodeNames;
    private final long retryForMs;
    private final Map<String, HttpJdkSolrClient> clients = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    /** Set when a request found no node answering for {@link #retryForMs}; cleared when one answers. */
    private volatile boolean down;

    SolrNodes(SolrTarget target) {
        this.target = target;
        this.zk = new ZkClientClusterStateProvider(target.zkHosts(), target.chroot().orElse(null));
        this.liveNodeNames = zk::getLiveNodes;
        this.retryForMs = RETRY_FOR_MS;
        try {
            zk.connect();
        } catch (RuntimeException e) {
            closeQuietly();
            throw new IllegalStateException("cannot reach SolrCloud's ZooKeeper at " + target + ": " + e.getMessage(), e);
        }
    }

    /** Requests to the nodes {@code liveNodeNames} names ({@code host:port_context}), over http, without ZooKeeper. */
    SolrNodes(SolrTarget target, Supplier<Set<String>> liveNodeNames, long retryForMs) {
        this.target = target;
        this.zk = null;
        this.liveNodeNames = liveNodeNames;
        this.retryForMs = retryForMs;
    }

    SolrTarget target() {
        return target;
    }

    /** Base URLs of the live nodes, e.g. {@code http://10.0.0.5:8983/solr}. */
    List<String> liveNodes() {
        List<String> urls = new ArrayList<>();
        String scheme = zk == null ? "http" : zk.getClusterProperty("urlScheme", "http");
        for (String node : liveNodeNames.get()) {
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

    /** Whether the cluster has the collection. */
    boolean hasCollection() {
        return zk.getState(target.collection()) != null && zk.getState(target.collection()).get() != null;
    }

    /**
     * Sends a request about the collection (or, with {@code collection} null, about the cluster), trying the live nodes
     * for up to a minute; once the cluster was found down, each live node once.
     */
    NamedList<Object> request(SolrRequest<?> request, String collection) throws IOException {
        boolean wasDown = down;
        long deadline = System.currentTimeMillis() + (wasDown ? 0 : retryForMs);
        Exception last = null;
        while (true) {
            List<String> nodes;
            try {
                nodes = liveNodes();
            } catch (RuntimeException e) {
                // ZooKeeper does not answer (SolrJ says so unchecked): no node known to try, as when none is live
                nodes = List.of();
                last = e;
            }
            if (nodes.isEmpty() && last == null) {
                last = new IOException("no live Solr node");
            }
            for (int i = 0; i < nodes.size(); i++) {
                String url = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
                try {
                    NamedList<Object> answer = client(url).request(request, collection);
                    down = false;
                    return answer;
                } catch (SolrException e) {
                    if (e.code() >= 400 && e.code() < 500) {
                        down = false;
                        throw e;
                    }
                    last = e;
                } catch (SolrServerException | IOException e) {
                    last = e;
                }
            }
            if (System.currentTimeMillis() >= deadline) {
                down = true;
                throw new IndexUnreachableException("SolrCloud at " + target + " did not answer" + (wasDown ? " (still down)" : " for "
                        + retryForMs / 1000 + " s") + ": " + (last == null ? "" : last.getMessage()), last);
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for SolrCloud", e);
            }
        }
    }

    private HttpJdkSolrClient client(String baseUrl) {
        return clients.computeIfAbsent(baseUrl, u -> new HttpJdkSolrClient.Builder(u)
                .withConnectionTimeout(5, TimeUnit.SECONDS)
                .withIdleTimeout(120, TimeUnit.SECONDS)
                .build());
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // closing after a failed start: the first error is the one to report
        }
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
