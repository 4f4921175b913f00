package no.evidens.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SolrTargetTest {
    @Test
    void readsHostsChrootAndCollection() {
        assertEquals(new SolrTarget(List.of("zk1:2181", "zk2:2181"), Optional.of("/solr"), "evidens"),
                SolrTarget.parse("zk1:2181,zk2:2181/solr"));
        assertEquals(new SolrTarget(List.of("localhost:9983"), Optional.empty(), "tilsyn"), SolrTarget.parse("localhost:9983#tilsyn"));
        assertEquals(new SolrTarget(List.of("zk:2181"), Optional.of("/a/b"), "x"), SolrTarget.parse(" zk:2181/a/b#x "));
    }

    @Test
    void nodeNamesInZooKeeperAreBaseUrls() {
        assertEquals("http://10.0.0.5:8983/solr", SolrNodes.baseUrl("10.0.0.5:8983_solr", "http"));
        assertEquals("https://h:8983/a/b", SolrNodes.baseUrl("h:8983_a%2Fb", "https"));
        assertEquals("http://h:8983", SolrNodes.baseUrl("h:8983_", "http"));
    }

    @Test
    void refusesWhatIsNoAddress() {
        assertThrows(IllegalArgumentException.class, () -> SolrTarget.parse("/solr"));
        assertThrows(IllegalArgumentException.class, () -> SolrTarget.parse("zk:2181#bad name"));
    }
}
