package no.evidens.index;

import java.util.List;
import java.util.Locale;

/**
 * What a clustered index's back end found when it looked at its cluster: which part fails, and so what still works and
 * what an administrator should fix. The embedded index has none ({@link EvidenceIndex#health()}): its folder is on this
 * machine.
 *
 * @param state   the worst thing found
 * @param nodes   the nodes it concerns (down, hung, or holding a shard without a leader), as the cluster names them
 * @param shards  the shards it concerns (without a leader that answers)
 * @param boundMs how long a node was given to answer the look (what "hung" means)
 */
public record IndexHealth(State state, List<String> nodes, List<String> shards, long boundMs) {
    public IndexHealth {
        nodes = List.copyOf(nodes);
        shards = List.copyOf(shards);
    }

    /** A state that concerns no node or shard. */
    public static IndexHealth of(State state, long boundMs) {
        return new IndexHealth(state, List.of(), List.of(), boundMs);
    }

    /** The states, worst first. */
    public enum State {
        /** The cluster's coordinator cannot be reached (or did not answer the look in time): nothing new can be written. */
        ZOOKEEPER_UNREACHABLE,
        /** No search node is listed live: nothing can be read or written. */
        NO_LIVE_NODE,
        /** The cluster has no collection of this name: nothing to search, nothing to write into. */
        COLLECTION_MISSING,
        /** A shard has no active leader on a node that answers: writes to it fail, reads too when no replica serves it. */
        SHARD_WITHOUT_LEADER,
        /**
         * A core ZooKeeper says is active, on a node that answers, does not answer a search of its own in time (or at all):
         * searches that reach it wait or fail, and so may writes to its shard.
         */
        CORE_STUCK,
        /**
         * A node listed live refuses connections (it stopped a moment ago: its entry goes when its session expires); every
         * shard still has a leader that answers.
         */
        NODE_DOWN,
        /** A node listed live does not answer in time; every shard still has a leader that does. */
        NODE_HUNG,
        /** Some replicas are not active; every shard still has a leader that answers: reads and writes work. */
        REPLICAS_DOWN,
        /** Every shard has a leader that answers and every replica is active. */
        OK;

        /** The state's name in operators' tools: {@code shard-without-leader}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether searches and new documents still work (every shard led by a node that answers). */
        public boolean serves() {
            return this == OK || this == NODE_DOWN || this == NODE_HUNG || this == REPLICAS_DOWN;
        }

        /**
         * Whether a new ingestion should not start now but wait (or be refused at the door): a part it writes through fails.
         * A missing collection is not among them: an ingestion into it is refused by the cluster at once, as before.
         */
        public boolean holdsWrites() {
            return !serves() && this != COLLECTION_MISSING;
        }
    }
}
