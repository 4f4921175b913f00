package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.extract.Reason;

/**
 * An index that cannot say whether the case holds a file (a SolrCloud with no node answering): the file's line says
 * {@code not stored}, with the engine's words in {@code detail}, not "unexpected error" with a stack trace.
 */
class IndexUnreachableTest {
    private static final String SHA = "a".repeat(64);

    @TempDir
    Path tmp;

    /** An index whose every question fails as a SolrCloud with no live node does. */
    private static final class Unreachable implements EvidenceSink {
        @Override
        public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
            throw new IOException("SolrCloud at zk:2181/solr#evidens did not answer (still down): no live Solr node");
        }

        @Override
        public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
            add(doc, passages);
        }

        @Override
        public boolean contains(String caseId, String sha256) throws IOException {
            add(null, List.of());
            return false;
        }

        @Override
        public void commit() throws IOException {
            add(null, List.of());
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    @Test
    void aFileTheIndexCannotBeAskedAboutIsNotStored() {
        IndexIdempotentRepository seen = new IndexIdempotentRepository("sak", new Unreachable(),
                new IncompleteContainers(tmp.resolve("incomplete"), false));
        RuntimeException e = assertThrows(RuntimeException.class, () -> seen.add(SHA));

        ReceiptFile line = FailedLines.line("journaler/notat.txt", "journal", SHA, e);
        assertEquals(ReceiptFile.FAILED, line.status());
        assertEquals(Reason.NOT_STORED.text(), line.reason());
        assertTrue(line.detail().contains("no live Solr node"), line.detail());
    }
}
