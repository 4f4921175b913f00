package no.evidens.pipeline.solr;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.zookeeper.CreateMode;

/**
 * A test's own hands on a running SolrCloud, beside its nodes: the live nodes ZooKeeper lists, a collection deleted, and a
 * node that hangs — a socket that takes connections and never answers, listed live in ZooKeeper as a node registers itself
 * (an ephemeral entry under {@code /live_nodes}), gone when this is closed; and a node listed so whose port refuses. The test cluster runs its nodes in one JVM,
 * so none of its own can be frozen alone.
 */
final class ClusterParts implements AutoCloseable {
    private static final String LIVE = "/live_nodes";
    private final SolrZkClient zk;
    private ServerSocket hung;
    /** The connections the hung node took, held open until this is closed. */
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    /** Connected to the cluster's ZooKeeper at {@code zkAddress} (with Solr's chroot). */
    ClusterParts(String zkAddress) {
        zk = new SolrZkClient.Builder().withUrl(zkAddress).withTimeout(30, TimeUnit.SECONDS).withConnTimeOut(30, TimeUnit.SECONDS).build();
    }

    /** The live nodes' names, sorted ({@code host:port_solr}). */
    List<String> liveNodes() throws Exception {
        return List.copyOf(new TreeSet<>(zk.getChildren(LIVE, null, true)));
    }

    /**
     * Lists a node live that takes connections and never answers, on a port whose address sorts after the cluster's nodes'
     * (as Evidens orders the live nodes), so that a new process's first request goes to a node that answers, not to it: a
     * command then meets it only as {@link #addHungNodeFirst} arranges; its name.
     */
    String addHungNode() throws Exception {
        String last = liveNodes().stream().map(ClusterParts::address).max(String::compareTo).orElse("");
        for (int port = 65_535; hung == null && port > 1_024; port--) {
            if (address("127.0.0.1:" + port + "_solr").compareTo(last) > 0) {
                hang(port);
            }
        }
        return listHung();
    }

    /**
     * Lists a node live that takes connections and never answers, on a port below the system's ephemeral ones (where the
     * cluster's nodes listen), so that its address sorts before theirs and a new process's first request goes to it; its name.
     */
    String addHungNodeFirst() throws Exception {
        for (int port = 10_000; hung == null && port < 20_000; port++) {
            hang(port);
        }
        return listHung();
    }

    /** How many connections the hung node has taken (each held open, never answered). */
    int hungConnections() {
        return held.size();
    }

    /** A node's base URL from its name, as Evidens sorts the live nodes ({@code http://host:port/solr}). */
    private static String address(String name) {
        return "http://" + name.substring(0, name.indexOf('_')) + "/solr";
    }

    /** Listens on {@code port} unless it is taken, taking each connection and holding it without an answer. */
    private void hang(int port) {
        try {
            hung = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        } catch (IOException taken) {
            return; // another one
        }
        ServerSocket listening = hung;
        Thread taker = new Thread(() -> {
            try {
                while (true) {
                    held.add(listening.accept());
                }
            } catch (IOException closed) {
                // closed with this
            }
        }, "hung-node");
        taker.setDaemon(true);
        taker.start();
    }

    private String listHung() throws Exception {
        String name = "127.0.0.1:" + hung.getLocalPort() + "_solr";
        zk.create(LIVE + "/" + name, null, CreateMode.EPHEMERAL, true);
        return name;
    }

    /**
     * Lists a node live whose port refuses connections, as a node that stopped a moment ago stays listed until its session
     * expires; its name.
     */
    String addRefusingNode() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort(); // closed at once: nothing listens there any more
        }
        String name = "127.0.0.1:" + port + "_solr";
        zk.create(LIVE + "/" + name, null, CreateMode.EPHEMERAL, true);
        return name;
    }

    /** A replica of {@code collection} that does not lead its shard, as ZooKeeper holds it: its core, node and shard. */
    Replica follower(String collection) throws Exception {
        JsonNode state = new ObjectMapper().readTree(zk.getData("/collections/" + collection + "/state.json", null, null, true))
                .get(collection);
        for (var shard : state.get("shards").properties()) {
            for (var replica : shard.getValue().get("replicas").properties()) {
                JsonNode r = replica.getValue();
                if (!r.path("leader").asBoolean(false)) {
                    return new Replica(r.get("core").asText(), r.get("node_name").asText(), shard.getKey());
                }
            }
        }
        throw new IllegalStateException("every replica of " + collection + " leads its shard: " + state);
    }

    /** A replica: its core's name, its node's, its shard's. */
    record Replica(String core, String node, String shard) {
    }

    /** Deletes {@code collection} through the Collections API of a live node. */
    void deleteCollection(String collection) throws Exception {
        String node = liveNodes().get(0);
        try (HttpJdkSolrClient solr = new HttpJdkSolrClient.Builder("http://" + node.substring(0, node.indexOf('_')) + "/solr").build()) {
            CollectionAdminRequest.deleteCollection(collection).process(solr);
        }
    }

    /** The entries a query asks of {@code collection}, through a live node, as they come from the cluster. */
    SolrDocumentList select(String collection, SolrQuery query) throws Exception {
        String node = liveNodes().get(0);
        try (HttpJdkSolrClient solr = new HttpJdkSolrClient.Builder("http://" + node.substring(0, node.indexOf('_')) + "/solr").build()) {
            return solr.query(collection, query).getResults();
        }
    }

    /**
     * Writes entries to {@code collection} as they are given, through a live node, and commits: a collection's entries as
     * an earlier build of Evidens wrote them.
     */
    void addAndCommit(String collection, List<SolrInputDocument> entries) throws Exception {
        String node = liveNodes().get(0);
        try (HttpJdkSolrClient solr = new HttpJdkSolrClient.Builder("http://" + node.substring(0, node.indexOf('_')) + "/solr").build()) {
            solr.add(collection, entries);
            solr.commit(collection);
        }
    }

    /** Deletes the entries of these unique keys from {@code collection}, through a live node, and commits. */
    void deleteAndCommit(String collection, List<String> uids) throws Exception {
        String node = liveNodes().get(0);
        try (HttpJdkSolrClient solr = new HttpJdkSolrClient.Builder("http://" + node.substring(0, node.indexOf('_')) + "/solr").build()) {
            solr.deleteById(collection, uids);
            solr.commit(collection);
        }
    }

    /** The hung node's entry goes with this session; its socket is closed. */
    @Override
    public void close() throws IOException {
        zk.close();
        if (hung != null) {
            hung.close();
        }
        for (Socket s : held) {
            s.close();
        }
    }
}
