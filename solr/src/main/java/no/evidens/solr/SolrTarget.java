package no.evidens.solr;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the evidence index lives on SolrCloud: {@code ZK_HOST[/chroot][#collection]}, e.g.
 * {@code zk1:2181,zk2:2181/solr} (collection {@value #DEFAULT_COLLECTION}) or {@code localhost:9983#tilsyn}.
 *
 * @param nodesAside where the nodes that did not answer in time are remembered across processes (a file of the home:
 *                   {@link NodesSetAside}); empty: in this process only. Not part of where the index is: left out of
 *                   {@link #toString()}, and two targets of one cluster and collection are equal whatever they name here.
 */
public record SolrTarget(List<String> zkHosts, Optional<String> chroot, String collection, Optional<Path> nodesAside) {
    public static final String DEFAULT_COLLECTION = "evidens";

    public SolrTarget {
        zkHosts = List.copyOf(zkHosts);
        nodesAside = nodesAside == null ? Optional.empty() : nodesAside;
        if (zkHosts.isEmpty() || zkHosts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a SolrCloud address needs ZooKeeper hosts: ZK_HOST[,ZK_HOST…][/chroot]");
        }
        if (!collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("the collection name '" + collection + "' is not valid");
        }
    }

    /** The cluster and collection, the nodes that did not answer remembered in this process only. */
    public SolrTarget(List<String> zkHosts, Optional<String> chroot, String collection) {
        this(zkHosts, chroot, collection, Optional.empty());
    }

    /**
     * The same cluster and collection, the nodes that did not answer in time remembered in {@code file} too, so that the
     * next command (a new process) tries them after the others for the rest of their while rather than waiting on them again.
     */
    public SolrTarget rememberingNodesAsideIn(Path file) {
        return new SolrTarget(zkHosts, chroot, collection, Optional.of(file));
    }

    /** Reads {@code ZK_HOST[,ZK_HOST…][/chroot][#collection]}. */
    public static SolrTarget parse(String address) {
        String a = address.strip();
        String collection = DEFAULT_COLLECTION;
        int hash = a.indexOf('#');
        if (hash >= 0) {
            collection = a.substring(hash + 1);
            a = a.substring(0, hash);
        }
        Optional<String> chroot = Optional.empty();
        int slash = a.indexOf('/');
        if (slash >= 0) {
            String c = a.substring(slash);
            chroot = c.equals("/") ? Optional.empty() : Optional.of(c);
            a = a.substring(0, slash);
        }
        return new SolrTarget(Arrays.stream(a.split(",")).map(String::strip).toList(), chroot, collection);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SolrTarget t && zkHosts.equals(t.zkHosts) && chroot.equals(t.chroot) && collection.equals(t.collection);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(zkHosts, chroot, collection);
    }

    @Override
    public String toString() {
        return String.join(",", zkHosts) + chroot.orElse("") + "#" + collection;
    }
}
