package no.evidens.solr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where the evidence index lives on SolrCloud: {@code ZK_HOST[/chroot][#collection]}, e.g.
 * {@code zk1:2181,zk2:2181/solr} (collection {@value #DEFAULT_COLLECTION}) or {@code localhost:9983#tilsyn}.
 */
public record SolrTarget(List<String> zkHosts, Optional<String> chroot, String collection) {
    public static final String DEFAULT_COLLECTION = "evidens";

    public SolrTarget {
        zkHosts = List.copyOf(zkHosts);
        if (zkHosts.isEmpty() || zkHosts.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a SolrCloud address needs ZooKeeper hosts: ZK_HOST[,ZK_HOST…][/chroot]");
        }
        if (!collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("the collection name '" + collection + "' is not valid");
        }
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
    public String toString() {
        return String.join(",", zkHosts) + chroot.orElse("") + "#" + collection;
    }
}
