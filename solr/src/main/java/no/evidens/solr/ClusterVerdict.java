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
 * Tells from a collection's shards (as ZooKeeper holds them), the live nodes and the nodes that answered a look in time,
 * which part of the cluster fails: the worst of a shard without a leader that answers, a live node that hangs, replicas
 * down. Asks nothing itself (see {@link ClusterHealth}). SolrJ's own {@code ClusterStateUtil} only waits for replicas to
 * become active; it does not tell a hung node from a down one, so the little sorting needed is here.
 */
final class ClusterVerdict {
    /** One replica: the node it lives on, whether ZooKeeper says it is active on a live node, whether it leads its shard. */
    record Copy(String node, boolean active, boolean leader) {
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
                copies.add(new Copy(r.getNodeName(), r.getState() == Replica.State.ACTIVE && live.contains(r.getNodeName()), r.isLeader()));
            }
            out.add(new Shard(slice.getName(), copies));
        }
        return out;
    }

    /**
     * The verdict: {@code answering} are the live nodes that answered the look within {@code boundMs}.
     */
    static IndexHealth judge(List<Shard> shards, Set<String> live, Set<String> answering, long boundMs) {
        if (live.isEmpty()) {
            return IndexHealth.of(IndexHealth.State.NO_LIVE_NODE, boundMs);
        }
        Set<String> hung = new TreeSet<>(live);
        hung.removeAll(answering);
        List<String> leaderless = new ArrayList<>();
        Set<String> leaderlessNodes = new TreeSet<>();
        Set<String> downNodes = new TreeSet<>();
        for (Shard shard : shards) {
            boolean led = false;
            for (Copy c : shard.copies()) {
                boolean serves = c.active() && answering.contains(c.node());
                led |= serves && c.leader();
                if (!c.active()) {
                    downNodes.add(c.node());
                }
            }
            if (!led) {
                leaderless.add(shard.name());
                for (Copy c : shard.copies()) {
                    if (!c.active() || !answering.contains(c.node())) {
                        leaderlessNodes.add(c.node());
                    }
                }
            }
        }
        if (!leaderless.isEmpty() || shards.isEmpty()) {
            return new IndexHealth(IndexHealth.State.SHARD_WITHOUT_LEADER, List.copyOf(leaderlessNodes), leaderless.stream().sorted().toList(),
                    boundMs);
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
