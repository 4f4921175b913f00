package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A commit writes the buffers of several adding threads on all cores: every document is in the index after it. */
class EvidenceIndexWriterCommitTest {
    @TempDir
    Path dir;

    @Test
    void aCommitAfterAddsOnSeveralThreadsKeepsEveryDocumentAndPassage() throws Exception {
        int threads = 3;
        int docsEach = 40;
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir, NorwegianAnalysis.analyzer(), 0)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> adds = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    adds.add(pool.submit(() -> {
                        for (int i = 0; i < docsEach; i++) {
                            String id = thread + "-" + i;
                            String text = "Barneverntjenesten skal samarbeide med NAV, jf. sosialtjenesteloven.";
                            w.add(new IndexedDocument(id, "sak-1", id + ".txt", "journal", "Tittel", "sha-" + id, "text/plain",
                                    text, List.of(0)), List.of(new Passage(Passage.idOf("sak-1", id, 0), "sak-1", id,
                                    id + ".txt", "journal", "Tittel", "", 1, 0, text.length(), text, List.of(), List.of())));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : adds) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            w.commit();
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertEquals(2 * threads * docsEach, reader.numDocs(), "each document and its passage");
            assertEquals(threads * docsEach, searcher.count(new TermQuery(new Term(PassageSchema.PARTS, stem("sosialtjeneste")))),
                    "every passage's parts field, law name included");
            assertEquals(threads * docsEach, searcher.count(new TermQuery(new Term(PassageSchema.TEXT, stem("barneverntjenesten")))));
            assertTrue(reader.leaves().size() >= 1);
        }
    }

    /**
     * A commit while another thread goes on adding (an ingest's commit, the other tagging thread busy) writes the buffers it
     * found, not one small segment after another for as long as the other thread adds: every document added before it is
     * in the index after it, in a few segments.
     */
    @Test
    void aCommitWhileAnotherThreadAddsWritesWhatItFoundInAFewSegments() throws Exception {
        int before = 600;
        java.util.concurrent.atomic.AtomicBoolean committed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger added = new java.util.concurrent.atomic.AtomicInteger();
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir, NorwegianAnalysis.analyzer(), 256 << 10)) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                for (int i = 0; i < before; i++) {
                    add(w, "a-" + i);
                }
                Future<?> adding = other.submit(() -> {
                    // a document a millisecond or so (a tagging thread's pace is slower), a few seconds at most
                    for (int i = 0; (!committed.get() || i < 50) && i < 3_000; i++) {
                        add(w, "b-" + i);
                        added.incrementAndGet();
                        Thread.sleep(1);
                    }
                    return null;
                });
                while (added.get() < 50) {
                    Thread.onSpinWait();
                }
                w.commit();
                committed.set(true);
                adding.get();
            } finally {
                other.shutdown();
            }
            try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
                assertTrue(reader.numDocs() >= 2 * (before + 50), "every document added before the commit, and its passage");
                // segments written, merged ones included (Lucene names each new segment by the next number)
                long written = org.apache.lucene.index.SegmentInfos.readLatestCommit(reader.directory()).counter;
                int cores = Runtime.getRuntime().availableProcessors();
                assertTrue(written <= cores + 4, "segments the commit wrote: " + written);
            }
        }
    }

    private static void add(EvidenceIndexWriter w, String id) throws java.io.IOException {
        String text = "Barneverntjenesten skal samarbeide med NAV, jf. sosialtjenesteloven. " + id;
        w.add(new IndexedDocument(id, "sak-1", id + ".txt", "journal", "Tittel", "sha-" + id, "text/plain", text, List.of(0)),
                List.of(new Passage(Passage.idOf("sak-1", id, 0), "sak-1", id, id + ".txt", "journal", "Tittel", "", 1, 0,
                        text.length(), text, List.of(), List.of())));
    }

    /** The word as the text field indexes it. */
    private static String stem(String word) throws java.io.IOException {
        try (org.apache.lucene.analysis.Analyzer a = NorwegianAnalysis.analyzer();
             org.apache.lucene.analysis.TokenStream ts = a.tokenStream(PassageSchema.TEXT, word)) {
            org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            assertTrue(ts.incrementToken());
            String out = term.toString();
            ts.end();
            return out;
        }
    }
}
