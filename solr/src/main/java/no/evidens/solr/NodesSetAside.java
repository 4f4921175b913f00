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
 * <p>A command is a process of its own, and starts with the first node: when the target names a file to remember them in
 * ({@link SolrTarget#nodesAside()}, the home's), the nodes set aside are read from it at the start and written to it as
 * they fail, answer or are claimed for their try after the while, so the next commands pass a hung node over too and only
 * one of them (whichever claims it first, in the file) tries it again after the while. A start order that changes from
 * command to command (random, or by the clock) was weighed and not taken: it spreads the hung node's time-out over the
 * commands that happen to start with it, one in three of three nodes, where the file spends it once per while; a quick
 * look at every node before each command (Solr's health request, as {@link ClusterHealth} asks it) costs every command
 * its bound when a node hangs, and a node can answer that and hang on a core's requests.
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
    /**
     * The while of a node set aside in the home's file, for commands: longer than a command, which may take more than 30 s
     * on a loaded machine (walked in round 55: commands of 35–40 s each found the 30 s over, and each tried the hung node
     * first again). A node back meanwhile costs nothing but being asked after the others for a few minutes.
     */
    static final long ACROSS_COMMANDS_MS = TimeUnit.MINUTES.toMillis(5);

    private final long whileMs;
    private final LongSupplier clockMs;
    /** Base URL of a node set aside, and when its while is over (by {@link #clockMs}). */
    private final Map<String, Long> until = new ConcurrentHashMap<>();
    /** Where other processes learn of them and this one of theirs; null: this process only. */
    private final NodesAsideFile file;

    NodesSetAside() {
        this(WHILE_MS, System::currentTimeMillis);
    }

    NodesSetAside(long whileMs, LongSupplier clockMs) {
        this(whileMs, clockMs, null);
    }

    /** Nodes set aside for {@code whileMs}, remembered in {@code file} too when it is not null (read from it now). */
    NodesSetAside(long whileMs, LongSupplier clockMs, NodesAsideFile file) {
        this.whileMs = whileMs;
        this.clockMs = clockMs;
        this.file = file;
        if (file != null) {
            until.putAll(file.read());
        }
    }

    /**
     * The nodes set aside for a command's requests to {@code target}'s cluster: remembered in the file it names, if any, for
     * {@link #ACROSS_COMMANDS_MS}; else in this process, for {@link #WHILE_MS}.
     */
    static NodesSetAside of(SolrTarget target) {
        return target.nodesAside().map(f -> new NodesSetAside(ACROSS_COMMANDS_MS, System::currentTimeMillis, new NodesAsideFile(f)))
                .orElseGet(NodesSetAside::new);
    }

    /** What another process did with a node whose while is over here. */
    private enum Claim {
        /** Nothing: this call tries it first, and the other processes pass it over for another while. */
        OURS,
        /** Another process tried it again meanwhile, or found it hung anew: still aside. */
        TAKEN,
        /** Another process found it answering: no longer aside. */
        BACK
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
                switch (claim(node, now)) {
                    case OURS -> due.add(node);
                    case TAKEN -> aside.add(node);
                    case BACK -> free.add(node);
                }
            } else {
                aside.add(node);
            }
        }
        due.addAll(free);
        due.addAll(aside);
        return due;
    }

    /** Claims the try of a node whose while is over here in the file too (one process of all tries it). */
    private Claim claim(String node, long now) {
        if (file == null) {
            return Claim.OURS;
        }
        Claim c = file.change(inFile -> {
            Long theirs = inFile.get(node);
            if (theirs == null) {
                return Claim.BACK;
            }
            if (theirs > now) {
                return Claim.TAKEN;
            }
            inFile.put(node, now + whileMs);
            return Claim.OURS;
        }, Claim.OURS, now);
        if (c == Claim.BACK) {
            until.remove(node);
        }
        return c;
    }

    /** The node did not answer in time or refused the connection. */
    void failed(String node) {
        long now = clockMs.getAsLong();
        until.put(node, now + whileMs);
        if (file != null) {
            file.change(inFile -> inFile.put(node, now + whileMs), null, now);
        }
    }

    /** The node answered (whatever it said). */
    void answered(String node) {
        if (until.remove(node) != null && file != null) {
            file.change(inFile -> inFile.remove(node), null, clockMs.getAsLong());
        }
    }
}
