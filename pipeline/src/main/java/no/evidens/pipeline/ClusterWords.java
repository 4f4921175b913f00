package no.evidens.pipeline;

import no.evidens.index.IndexHealth;

/**
 * A clustered index's health in English, for the command line (the web's {@code /health} says it in Norwegian, from its
 * catalogue): what the state means, what still works and what to do.
 */
public final class ClusterWords {
    private ClusterWords() {
    }

    /** What the state means, what still works and what to do, in English (the web's /health says it in Norwegian). */
    public static String said(IndexHealth h) {
        String nodes = String.join(", ", h.nodes());
        long s = h.boundMs() / 1000;
        return switch (h.state()) {
            case OK -> "Every shard has a leader that answers and every replica is active.";
            case ZOOKEEPER_UNREACHABLE -> "ZooKeeper does not answer. Still works: sign-in, cases, findings, exports and the audit"
                    + " trail; searches too, while the nodes answer, on a server that was connected before ZooKeeper went away. Waits:"
                    + " uploads and the inbox (they go in by themselves once ZooKeeper answers). To do: check that the ZooKeeper"
                    + " ensemble runs and can be reached from here.";
            case NO_LIVE_NODE -> "No Solr node is listed live in ZooKeeper. Still works: sign-in, cases, findings, exports and the"
                    + " audit trail. Fails: searches, documents and the overview (503); uploads wait. To do: start the Solr nodes and"
                    + " read their logs for why they stopped.";
            case COLLECTION_MISSING -> "The collection does not exist on the cluster. Still works: sign-in, cases, findings, exports"
                    + " and the audit trail. Fails: searches and ingestion. To do: run evidens solr init against the cluster; if the"
                    + " collection was deleted, ingest the bundles again after it.";
            case SHARD_WITHOUT_LEADER -> "Shard " + String.join(", ", h.shards()) + " has no active leader on a node that answers"
                    + " (nodes: " + nodes + "). Still works: sign-in, cases, findings, exports and the audit trail. Fails: writes to"
                    + " those shards (uploads wait), and searches while no other replica of the shard is active. To do: start the nodes"
                    + " again; if no replica comes back, have the cluster elect a new leader (Collections API: FORCELEADER).";
            case CORE_STUCK -> "A core on node " + nodes + " (shard " + String.join(", ", h.shards()) + ") does not answer a search"
                    + " within " + s + " s, though the node answers. Still works: sign-in, cases, findings, exports and the audit trail."
                    + " Fails or waits: searches that reach the core, and writes to its shard (uploads wait). To do: look in the node's"
                    + " log for the core (a searcher that does not open, a core that did not load), then reload the core or restart the node.";
            case NODE_DOWN -> "Node " + nodes + " is listed live but refuses connections: it is down, and ZooKeeper lists it until its"
                    + " session expires. Still works: searches and ingestion, since every shard has a leader that answers. To do: start"
                    + " the node again, and read its log for why it stopped.";
            case NODE_HUNG -> "Node " + nodes + " is listed live but does not answer within " + s + " s. Still works: searches and"
                    + " ingestion, since every shard has a leader that answers; a request that tries the node first waits for it (at"
                    + " most one every 30 s). To do: restart the node, and look in its log for memory exhaustion or long pauses.";
            case REPLICAS_DOWN -> "Some replicas are down (nodes: " + nodes + "), but every shard has a leader that answers:"
                    + " searches and ingestion work. To do: start the nodes again; their replicas catch up by themselves.";
        };
    }
}
