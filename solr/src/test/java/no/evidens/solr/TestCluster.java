package no.evidens.solr;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A SolrCloud for the tests, run as a program in a JVM of its own (Solr 9's Jetty 10 and the web
 * workspace's Jetty 12 cannot share a class path): {@code TestCluster DIR NODES} starts ZooKeeper and the
 * nodes, prints {@value #READY} and the ZooKeeper address, then takes commands on stdin: {@code stop N}
 * stops node N (answering {@value #STOPPED} N); end of input shuts the cluster down.
 */
public final class TestCluster {
    public static final String READY = "EVIDENS-CLUSTER-READY ";
    public static final String STOPPED = "EVIDENS-CLUSTER-STOPPED ";

    private TestCluster() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int nodes = Integer.parseInt(args[1]);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, dir).build();
        try {
            System.out.println(READY + cluster.getZkServer().getZkAddress());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("stop ")) {
                    int n = Integer.parseInt(line.substring(5).strip());
                    cluster.stopJettySolrRunner(n);
                    System.out.println(STOPPED + n);
                    System.out.flush();
                }
            }
        } finally {
            cluster.shutdown();
        }
        System.exit(0);
    }
}
