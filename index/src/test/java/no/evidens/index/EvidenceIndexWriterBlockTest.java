package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A huge text's passages become Lucene documents as Lucene indexes them, not all first (held as Lucene documents at
 * once they were the ingest's largest heap), and a block stays all or nothing, made first or not.
 */
class EvidenceIndexWriterBlockTest {
    @TempDir
    Path dir;

    /** Passages made on request, counting how many were asked for; the one at {@code failAt} cannot be made. */
    private static final class CountedPassages extends AbstractList<Passage> {
        private final int size;
        private final int failAt;
        int asked;

        CountedPassages(int size, int failAt) {
            this.size = size;
            this.failAt = failAt;
        }

        @Override
        public Passage get(int n) {
            asked = Math.max(asked, n + 1);
            if (n == failAt) {
                throw new IllegalStateException("passage " + n + " cannot be made");
            }
            String text = "Barnevernet vurderte taushetsplikt og samarbeid med skolen i sak nummer " + n;
            return new Passage(Passage.idOf("sak-1", "a", n), "sak-1", "a", "a.txt", "journal", "Tittel", "", 1, 100 * n,
                    100 * n + text.length(), text, List.of(), List.of(), List.of(), Map.of());
        }

        @Override
        public int size() {
            return size;
        }
    }

    private static IndexedDocument document() {
        return new IndexedDocument("a", "sak-1", "a.txt", "journal", "Tittel a", "sha-a", "text/plain", "Tekst.", List.of(0));
    }

    private long entriesOfCase(String kind) throws IOException {
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            return new IndexSearcher(reader).count(new TermQuery(new Term(PassageSchema.KIND, kind)));
        }
    }

    @Test
    void eachPassageOfAHugeTextIsMadeWhenLuceneReadsItAndAllAreIndexed() throws IOException {
        int size = EvidenceIndexWriter.LAZY_BLOCK + 1;
        CountedPassages passages = new CountedPassages(size, -1);
        List<Integer> askedAtText = new ArrayList<>();
        Analyzer norwegian = NorwegianAnalysis.analyzer();
        Analyzer watching = new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return norwegian;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                if (PassageSchema.TEXT.equals(fieldName)) {
                    askedAtText.add(passages.asked); // a passage's text, read to be analysed
                }
                return reader;
            }
        };
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir, watching)) {
            askedAtText.clear(); // the writer's own warm-up document (FlushClasses)
            w.add(document(), passages);
            w.commit();
        }
        assertEquals(size, askedAtText.size(), "each passage's text analysed once");
        for (int n = 0; n < askedAtText.size(); n++) {
            // made all first, the passages had all been asked for before the first text was analysed
            assertTrue(askedAtText.get(n) <= n + 1, "passages asked for when text " + n + " was analysed: " + askedAtText.get(n));
        }
        assertEquals(size, entriesOfCase(PassageSchema.KIND_PASSAGE));
        assertEquals(1, entriesOfCase(PassageSchema.KIND_DOCUMENT));
    }

    @Test
    void aPassageThatCannotBeMadeLeavesNoneOfTheDocumentInTheIndex() throws IOException {
        for (int size : new int[] {300, EvidenceIndexWriter.LAZY_BLOCK + 1}) { // made first, and as Lucene reads it
            try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
                CountedPassages passages = new CountedPassages(size, size / 2);
                assertThrows(IllegalStateException.class, () -> w.add(document(), passages));
                w.commit();
                assertFalse(w.contains("sak-1", "sha-a"));
            }
            assertEquals(0, entriesOfCase(PassageSchema.KIND_PASSAGE), size + " passages");
            assertEquals(0, entriesOfCase(PassageSchema.KIND_DOCUMENT), size + " passages");
        }
    }
}
