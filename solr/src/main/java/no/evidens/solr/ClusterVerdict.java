package no.evidens.solr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;

import no.evidens.index.IndexHealth;

/**
 * Tells from a collection's shards (as ZooKeeper holds them), the live nodes, and what a look heard from the nodes and
 * the cores, which part of the cluster fails: the worst of a shard without a leader that answers, a core stuck, a live
 * node that refuses connections, one that hangs, replicas down. Asks nothing itself (see {@link ClusterHealth}). SolrJ's own {@code ClusterStateUtil} only waits for replicas to
 * become active; it does not tell a hung node from a down one, so the little sorting needed is here.
 */
final class ClusterVerdict {
    /**
     * One replica: the node it lives on, its core's name there, whether ZooKeeper says it is active on a live node, whether
     * it leads its shard.
     */
    record Copy(String node, String core, boolean active, boolean leader) {
        /** A replica whose core is not asked after (a verdict on the nodes alone). */
        Copy(String node, boolean active, boolean leader) {
            this(node, null, active, leader);
        }
    }

    /**
     * What the look heard: the live nodes that answered Solr's health request in time, those that refused the connection,
     * and the cores (by name) that, on a node that answered, did not answer a search of their own in time or at all.
     */
    record Answers(Set<String> answering, Set<String> refused, Set<String> stuckCores) {
        Answers {
            answering = Set.copyOf(answering);
            refused = Set.copyOf(refused);
            stuckCores = Set.copyOf(stuckCores);
        }
    }

    /** One shard and its replicas. */
    record Shard(String name, List<Copy> copies) {
    }

    private ClusterVerdict() {
    }

    /** The shards of {@code collection} as ZooKeeper holds them, with {@code live} the live nodes. */
    static List<Shard> shards(DocCollection collection, Set<String> live) {
        List<Shard> out = new ArrayList<>();
        for (Slice slice : collection.getSlices()) {
            List<Copy> copies = new ArrayList<>();
            for (Replica r : slice.getReplicas()) {
                copies.add(new Copy(r.getNodeName(), r.getCoreName(), r.getState() == Replica.State.ACTIVE && live.contains(r.getNodeName()), r.isLeader()));
            }
            out.add(new Shard(slice.getName(), copies));
        }
        return out;
    }

    /** The verdict on the nodes alone: {@code answering} are the live nodes that answered the look within {@code boundMs}. */
    static IndexHealth judge(List<Shard> shards, Set<String> live, Set<String> answering, long boundMs) {
        return judge(shards, live, new Answers(answering, Set.of(), Set.of()), boundMs);
    }

    /**
     * The verdict, worst first: a shard without a leader that answers (its leader's node down, hung or refusing); a core
     * stuck (a shard whose leader's core is stuck is named here, not as leaderless: the node answers, the core does not);
     * a node that refuses connections (down, still listed); a node that hangs; replicas not active.
     */
    static IndexHealth judge(List<Shard> shards, Set<String> live, Answers heard, long boundMs) {
        if (live.isEmpty()) {
            return IndexHealth.of(IndexHealth.State.NO_LIVE_NODE, boundMs);
        }
        Set<String> down = new TreeSet<>(live);
        down.retainAll(heard.refused());
        Set<String> hung = new TreeSet<>(live);
        hung.removeAll(heard.answering());
        hung.removeAll(down);
        List<String> leaderless = new ArrayList<>();
        Set<String> leaderlessNodes = new TreeSet<>();
        Set<String> downNodes = new TreeSet<>();
        Set<String> stuckNodes = new TreeSet<>();
        Set<String> stuckShards = new TreeSet<>();
        for (Shard shard : shards) {
            boolean led = false;
            boolean ledButStuck = false;
            for (Copy c : shard.copies()) {
                boolean serves = c.active() && heard.answering().contains(c.node());
                boolean stuck = serves && c.core() != null && heard.stuckCores().contains(c.core());
                led |= serves && !stuck && c.leader();
                ledButStuck |= stuck && c.leader();
                if (stuck) {
                    stuckNodes.add(c.node());
                    stuckShards.add(shard.name());
                }
                if (!c.active()) {
                    downNodes.add(c.node());
                }
            }
            if (!led && !ledButStuck) {
                leaderless.add(shard.name());
                for (Copy c : shard.copies()) {
                    if (!c.active() || !heard.answering().contains(c.node())) {
                        leaderlessNodes.add(c.node());
                    }
                }
            }
        }
        if (!leaderless.isEmpty() || shards.isEmpty()) {
            return new IndexHealth(IndexHealth.State.SHARD_WITHOUT_LEADER, List.copyOf(leaderlessNodes), leaderless.stream().sorted().toList(),
                    boundMs);
        }
        if (!stuckNodes.isEmpty()) {
            return new IndexHealth(IndexHealth.State.CORE_STUCK, List.copyOf(stuckNodes), List.copyOf(stuckShards), boundMs);
        }
        if (!down.isEmpty()) {
            return new IndexHealth(IndexHealth.State.NODE_DOWN, List.copyOf(down), List.of(), boundMs);
        }
        if (!hung.isEmpty()) {
            return new IndexHealth(IndexHealth.State.NODE_HUNG, List.copyOf(hung), List.of(), boundMs);
        }
        if (!downNodes.isEmpty()) {
            return new IndexHealth(IndexHealth.State.REPLICAS_DOWN, List.copyOf(downNodes), List.of(), boundMs);
        }
        return IndexHealth.of(IndexHealth.State.OK, boundMs);
    }
}
