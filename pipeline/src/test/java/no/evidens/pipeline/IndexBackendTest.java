package no.evidens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.NoIndexException;

/** The engine chosen at start-up: --solr, else the home's setting, else the embedded index. */
class IndexBackendTest {
    @TempDir
    Path dir;

    @Test
    void embeddedByDefault() {
        IndexBackend b = IndexBackend.of(new EvidensHome(dir));
        assertFalse(b.isSolr());
        assertEquals(dir.resolve("index").toString(), b.describe());
        assertFalse(b.mayHaveIndex());
        assertThrows(NoIndexException.class, b::open, "no index yet: the commands' usual message");
    }

    @Test
    void theHomeSettingChoosesSolrCloud() throws Exception {
        Files.writeString(dir.resolve(IndexBackend.SETTINGS), "# engine\nsolr: zk1:2181,zk2:2181/solr\n");
        IndexBackend b = IndexBackend.of(new EvidensHome(dir));
        assertTrue(b.isSolr());
        assertEquals("SolrCloud zk1:2181,zk2:2181/solr#evidens", b.describe());
        assertTrue(b.mayHaveIndex());
    }

    @Test
    void theOptionWinsOverTheSetting() throws Exception {
        Files.writeString(dir.resolve(IndexBackend.SETTINGS), "solr: zk1:2181/solr\n");
        System.setProperty(IndexBackend.PROPERTY, "other:2181#tilsyn");
        try {
            assertEquals("SolrCloud other:2181#tilsyn", IndexBackend.of(new EvidensHome(dir)).describe());
        } finally {
            System.clearProperty(IndexBackend.PROPERTY);
        }
    }
}
