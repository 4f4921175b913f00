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
    void refusesWhatIsNoAddress() {
        assertThrows(IllegalArgumentException.class, () -> SolrTarget.parse("/solr"));
        assertThrows(IllegalArgumentException.class, () -> SolrTarget.parse("zk:2181#bad name"));
    }
}
