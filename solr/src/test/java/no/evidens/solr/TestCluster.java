package no.evidens.solr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.cloud.ZkTestServer;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A SolrCloud for the tests, run as a program in a JVM of its own (Solr 9's Jetty 10 and the web
 * workspace's Jetty 12 cannot share a class path): {@code TestCluster DIR NODES} starts ZooKeeper and the
 * nodes, prints {@value #READY} and the ZooKeeper address, then takes commands on stdin: {@code stop N}
 * stops node N (answering {@value #STOPPED} N), {@code start N} starts it again on its port and waits until it
 * is live (answering {@value #STARTED} N), {@code readonly COLLECTION true|false} makes a collection refuse writes
 * or take them again (the Collections API's {@code MODIFYCOLLECTION readOnly}, answering {@value #MODIFIED} COLLECTION);
 * {@code zk stop} shuts ZooKeeper down, nodes left running ({@value #ZK_STOPPED}), {@code zk start} starts it again on its
 * port with its data ({@value #ZK_STARTED}, once both nodes are live again); {@code hold CORE} holds every search of a core
 * on its node ({@link CoreHold}: a core stuck while its node answers; {@value #MODIFIED} hold), {@code release} lets the
 * held cores go ({@value #MODIFIED} release);
 * a command that fails is answered {@value #FAILED} with why; end of input shuts the cluster down. N is the node's number at the start, whichever nodes were stopped since.
 */
public final class TestCluster {
    public static final String READY = "EVIDENS-CLUSTER-READY ";
    public static final String STOPPED = "EVIDENS-CLUSTER-STOPPED ";
    public static final String STARTED = "EVIDENS-CLUSTER-STARTED ";
    public static final String MODIFIED = "EVIDENS-CLUSTER-MODIFIED ";
    public static final String ZK_STOPPED = "EVIDENS-CLUSTER-ZK-STOPPED";
    public static final String ZK_STARTED = "EVIDENS-CLUSTER-ZK-STARTED";
    /** A command that failed, with why: {@value} COMMAND: EXCEPTION. */
    public static final String FAILED = "EVIDENS-CLUSTER-FAILED ";

    private TestCluster() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int nodes = Integer.parseInt(args[1]);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, dir)
                .withJettyConfig(jetty -> jetty.withFilter(CoreHold.class, "/*")).build();
        // The cluster's own list drops a node when it stops, so its numbers shift: the nodes as they started.
        List<JettySolrRunner> started = new ArrayList<>(cluster.getJettySolrRunners());
        ZkTestServer zk = cluster.getZkServer();
        try {
            say(READY + cluster.getZkServer().getZkAddress());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    zk = command(line.strip(), cluster, started, zk);
                } catch (Exception e) {
                    // said at once and the cluster kept: the test fails with the reason, not after its long wait
                    say(FAILED + line.strip() + ": " + e);
                }
            }
        } finally {
            cluster.shutdown();
            if (zk != cluster.getZkServer()) {
                zk.shutdown();
            }
        }
        System.exit(0);
    }

    /** Does one command and says so; the ZooKeeper server running after it. */
    private static ZkTestServer command(String line, MiniSolrCloudCluster cluster, List<JettySolrRunner> started, ZkTestServer zk)
            throws Exception {
        if (line.startsWith("stop ")) {
            int n = Integer.parseInt(line.substring(5).strip());
            JettySolrRunner node = started.get(n);
            try {
                cluster.stopJettySolrRunner(node);
            } catch (Exception e) {
                // Stopping a node a second time, after it was started again, fails in its web server's graceful phase
                // (a context of the first start, already stopped); the node stops all the same, which the wait checks.
                say("second stop of node " + n + " not graceful: " + e);
            }
            cluster.waitForJettyToStop(node);
            say(STOPPED + n);
        } else if (line.startsWith("start ")) {
            int n = Integer.parseInt(line.substring(6).strip());
            cluster.startJettySolrRunner(started.get(n), true);
            cluster.waitForNode(started.get(n), 60);
            say(STARTED + n);
        } else if (line.equals("zk stop")) {
            zk.shutdown();
            say(ZK_STOPPED);
        } else if (line.equals("zk start")) {
            // a new server on the same port and data folder, as Solr's own tests restart one
            zk = new ZkTestServer(zk.getZkDir(), zk.getPort());
            zk.run(false);
            for (JettySolrRunner node : started) {
                if (node.isRunning()) {
                    cluster.waitForNode(node, 60);
                }
            }
            say(ZK_STARTED);
        } else if (line.startsWith("readonly ")) {
            String[] words = line.split(" ");
            CollectionAdminRequest.modifyCollection(words[1], Map.of("readOnly", words[2])).process(cluster.getSolrClient());
            say(MODIFIED + words[1]);
        } else if (line.startsWith("hold ")) {
            CoreHold.hold(line.substring(5).strip());
            say(MODIFIED + "hold");
        } else if (line.equals("release")) {
            CoreHold.releaseAll();
            say(MODIFIED + "release");
        }
        return zk;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
