package no.evidens.solr;

import java.io.IOException;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.IndexUnreachableException;

/**
 * The connection to a SolrCloud's ZooKeeper, which names the live nodes and holds the collection's state. A command makes
 * it at once ({@link #now}) and ends in one line when ZooKeeper cannot be reached. A server makes it without waiting on
 * ZooKeeper ({@link #inTheBackground}): one try of at most {@link #FIRST_TRY}, then, while ZooKeeper cannot be reached,
 * tries one after another on a thread of its own (each bounded by the connect wait, {@link SolrNodes#ZK_CONNECT_PROPERTY})
 * until one connects; a request meanwhile is told at once that the index does not answer ({@link #provider}), never held on
 * ZooKeeper's retry loop. Once connected, SolrJ's client keeps the connection (it connects again by itself after
 * ZooKeeper went away and came back). Thread-safe.
 */
final class ZooKeeperLink implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperLink.class);
    /** How long a server's first try may take: a ZooKeeper that answers does in well under a second. */
    static final long FIRST_TRY = TimeUnit.SECONDS.toMillis(5);
    /** The pause between two tries in the background (each waits for ZooKeeper up to the connect wait). */
    private static final long PAUSE_MS = 1_000;

    private final SolrTarget target;
    private final OptionalInt connectMillis;
    /** The connected provider, or null until a try connected. */
    private volatile ZkClientClusterStateProvider provider;
    /** Why the last try failed, for the requests meanwhile. */
    private volatile RuntimeException lastFailure;
    private volatile boolean closed;
    private volatile Thread tries;

    private ZooKeeperLink(SolrTarget target, OptionalInt connectMillis) {
        this.target = target;
        this.connectMillis = connectMillis;
    }

    /**
     * Connects now, waiting for ZooKeeper up to the connect wait (a command's).
     *
     * @throws IllegalStateException caused by an {@link IndexUnreachableException} when it cannot be reached
     */
    static ZooKeeperLink now(SolrTarget target) {
        ZooKeeperLink link = new ZooKeeperLink(target, SolrNodes.secondsSetting(System.getProperty(SolrNodes.ZK_CONNECT_PROPERTY)));
        try {
            link.provider = link.connect(link.connectMillis);
        } catch (RuntimeException e) {
            // the index's absence, not a fault of what asked for it: an upload or an inbox bundle waits for it to come back
            String said = link.unreachable(e);
            throw new IllegalStateException(said, new IndexUnreachableException(said, e));
        }
        return link;
    }

    /** Connects without holding the caller on ZooKeeper (a server's): one short try now, then in the background. */
    static ZooKeeperLink inTheBackground(SolrTarget target) {
        return inTheBackground(target, SolrNodes.secondsSetting(System.getProperty(SolrNodes.ZK_CONNECT_PROPERTY)), FIRST_TRY);
    }

    /** The same with the connect wait ({@code connectMillis}: SolrJ's when empty) and the first try's given. */
    static ZooKeeperLink inTheBackground(SolrTarget target, OptionalInt connectMillis, long firstTryMillis) {
        ZooKeeperLink link = new ZooKeeperLink(target, connectMillis);
        int first = (int) Math.min(firstTryMillis, connectMillis.orElse(Integer.MAX_VALUE));
        try {
            link.provider = link.connect(OptionalInt.of(first));
            return link;
        } catch (RuntimeException e) {
            link.lastFailure = e;
            LOG.warn("{}; trying again in the background (searches answer 503 meanwhile)", link.unreachable(e));
        }
        Thread t = new Thread(link::keepTrying, "evidens-zookeeper-connect");
        t.setDaemon(true);
        link.tries = t;
        t.start();
        return link;
    }

    private ZkClientClusterStateProvider connect(OptionalInt waitMillis) {
        ZkClientClusterStateProvider p = new ZkClientClusterStateProvider(target.zkHosts(), target.chroot().orElse(null));
        waitMillis.ifPresent(p::setZkConnectTimeout);
        try {
            p.connect();
            return p;
        } catch (RuntimeException e) {
            closeQuietly(p);
            throw e;
        }
    }

    private void keepTrying() {
        while (!closed) {
            try {
                ZkClientClusterStateProvider p = connect(connectMillis);
                synchronized (this) {
                    if (closed) {
                        closeQuietly(p);
                        return;
                    }
                    provider = p;
                }
                LOG.info("SolrCloud's ZooKeeper at {} answers now: connected", target);
                return;
            } catch (RuntimeException e) {
                lastFailure = e;
                LOG.debug("ZooKeeper at {} still cannot be reached: {}", target, e.getClass().getSimpleName());
            }
            try {
                Thread.sleep(PAUSE_MS);
            } catch (InterruptedException e) {
                return; // closed
            }
        }
    }

    /**
     * The connected provider, at once.
     *
     * @throws IndexUnreachableException while no try has connected yet
     */
    ZkClientClusterStateProvider provider() throws IndexUnreachableException {
        ZkClientClusterStateProvider p = provider;
        if (p == null) {
            RuntimeException why = lastFailure;
            throw new IndexUnreachableException(unreachable(why) + " (trying again)", why);
        }
        return p;
    }

    /** The connected provider, or null while no try has connected (the connection may be lost since: {@link #inSession}). */
    ZkClientClusterStateProvider ifConnected() {
        return provider;
    }

    /** Whether ZooKeeper answers this connection now (SolrJ's client sees it lost at once, and connected again). */
    boolean inSession() {
        ZkClientClusterStateProvider p = provider;
        return p != null && p.getZkStateReader().getZkClient().isConnected();
    }

    private String unreachable(RuntimeException e) {
        return "cannot reach SolrCloud's ZooKeeper at " + target + (e == null ? "" : ": " + innermost(e));
    }

    /**
     * The innermost message: SolrJ wraps the client's time-out in an exception whose message is the cause's class and
     * message ("java.util.concurrent.TimeoutException: Could not connect …"), a Java class name a person need not read.
     */
    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && t.getCause().getMessage() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void closeQuietly(ZkClientClusterStateProvider p) {
        try {
            p.close();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failed try: the failure is the one to report
        }
    }

    @Override
    public void close() throws IOException {
        ZkClientClusterStateProvider p;
        synchronized (this) {
            closed = true;
            p = provider;
        }
        if (tries != null) {
            tries.interrupt();
        }
        if (p != null) {
            p.close();
        }
    }
}
