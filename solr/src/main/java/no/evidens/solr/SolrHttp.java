package no.evidens.solr;

import java.util.concurrent.TimeUnit;

import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;

/**
 * How Evidens builds SolrJ's client on the JDK's HTTP client for one Solr node (its requests, {@link SolrNodes}, and its
 * health look, {@link ClusterHealth}): everything set through SolrJ's builder, nothing of our own around it.
 *
 * <p><b>HTTP/1.1.</b> The JDK client speaks HTTP/2 over plain http only by asking each new
 * connection's first request to be upgraded ({@code Upgrade: h2c}); SolrJ adds a {@code HEAD} before its first update to
 * a node for the same upgrade, with the node's client locked while it waits. Solr 9.10.1 (Jetty 10) answers an
 * upgraded request it has to pass on to another node (one about a collection that has no core on the node asked)
 * with {@code 101 Switching Protocols} and then nothing, so that request waits out its whole time-out: 20 s for an
 * ingest's check of a file, 120 s for the {@code HEAD} before a reindex's first update (walked on the test cluster,
 * round 54; the same request without the upgrade, or HTTP/2 from the first byte, is answered at once). The JDK client
 * has no way to start plain http with HTTP/2 at once, so it speaks HTTP/1.1, and so over https too (where HTTP/2 would
 * be agreed in the TLS handshake): one protocol on every node, the one walked. What it costs: a connection for each
 * request at once rather than one for all, kept open and used again (the JDK client's pool).
 *
 * <p><b>Time-outs.</b> The connection is given {@link #CONNECT_MS}: a node that is up takes it in milliseconds, one
 * gone refuses it at once, and one whose machine is gone is passed over after that. The request time-out is the
 * caller's ({@link SolrNodes.Patience#answerWithinMs()}): the JDK client bounds with it the whole wait for the head of
 * the answer, so it also bounds a node that takes the connection and then says nothing. SolrJ's idle time-out (no byte for a while) is not used by its JDK client, and the JDK's HTTP client has none,
 * so a big update cannot be told from a silent node before that bound: a write's bound is the longest an update of
 * 2 million characters or a commit may take on a loaded archive (tens of seconds), with room to spare.
 */
final class SolrHttp {
    /** How long a node may take to accept a connection. */
    static final long CONNECT_MS = TimeUnit.SECONDS.toMillis(5);

    private SolrHttp() {
    }

    /** A client for the node at {@code baseUrl}, answers waited for at most {@code answerWithinMs} each. */
    static HttpJdkSolrClient client(String baseUrl, long connectMs, long answerWithinMs) {
        return new HttpJdkSolrClient.Builder(baseUrl)
                .useHttp1_1(true)
                .withConnectionTimeout(connectMs, TimeUnit.MILLISECONDS)
                .withRequestTimeout(answerWithinMs, TimeUnit.MILLISECONDS)
                .build();
    }
}
