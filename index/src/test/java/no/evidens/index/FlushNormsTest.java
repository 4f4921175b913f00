package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Impact;
import org.apache.lucene.index.Impacts;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Postings flushed with the norms read from arrays are those Lucene's own codec writes: the same postings and the
 * same impacts (the norms the postings writer looks up), in segments a plain Lucene reader opens as its default codec's.
 */
class FlushNormsTest {
    private static final List<String> WORDS = List.of("barnevern", "tilsyn", "kommunen", "taushetsplikt", "samarbeid",
            "helsesykepleier", "avtalen", "skolen", "ettervern", "plan", "rutine", "melding");

    @Test
    void flushedPostingsAndImpactsAreLucenesOwn() throws IOException {
        try (Directory lucene = new ByteBuffersDirectory(); Directory flushed = new ByteBuffersDirectory()) {
            write(lucene, Codec.getDefault());
            write(flushed, FlushNorms.codec(Codec.getDefault()));
            SegmentInfos infos = SegmentInfos.readLatestCommit(flushed);
            assertEquals(3, infos.size(), "three flushed segments");
            for (SegmentCommitInfo segment : infos) {
                assertEquals(Codec.getDefault().getName(), segment.info.getCodec().getName());
            }
            try (DirectoryReader a = DirectoryReader.open(lucene); DirectoryReader b = DirectoryReader.open(flushed)) {
                assertEquals(a.leaves().size(), b.leaves().size());
                int compared = 0;
                for (int i = 0; i < a.leaves().size(); i++) {
                    for (String field : List.of("text", "heading", "kind")) {
                        compared += assertSamePostings(a.leaves().get(i).reader(), b.leaves().get(i).reader(), field);
                    }
                }
                assertTrue(compared > 30, "terms compared: " + compared);
            }
        }
    }

    @Test
    void mergedPostingsAndImpactsAreLucenesOwn() throws IOException {
        try (Directory lucene = new ByteBuffersDirectory(); Directory merged = new ByteBuffersDirectory()) {
            write(lucene, Codec.getDefault(), true);
            write(merged, FlushNorms.codec(Codec.getDefault()), true);
            SegmentInfos infos = SegmentInfos.readLatestCommit(merged);
            assertEquals(1, infos.size(), "the three flushed segments merged into one");
            assertEquals(Codec.getDefault().getName(), infos.info(0).info.getCodec().getName());
            try (DirectoryReader a = DirectoryReader.open(lucene); DirectoryReader b = DirectoryReader.open(merged)) {
                int compared = 0;
                for (String field : List.of("text", "heading", "kind")) {
                    compared += assertSamePostings(a.leaves().get(0).reader(), b.leaves().get(0).reader(), field);
                }
                assertTrue(compared > 10, "terms compared: " + compared);
            }
        }
    }

    private static void write(Directory dir, Codec codec) throws IOException {
        write(dir, codec, false);
    }

    /**
     * The same documents each time: passages with text and (mostly) a heading, and entries with neither; in three
     * flushed segments, or those merged into one.
     */
    private static void write(Directory dir, Codec codec, boolean merge) throws IOException {
        Random random = new Random(11);
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setCodec(codec)
                .setMergePolicy(merge ? new TieredMergePolicy() : NoMergePolicy.INSTANCE).setUseCompoundFile(false);
        try (IndexWriter w = new IndexWriter(dir, config)) {
            for (int segment = 0; segment < 3; segment++) {
                for (int n = 0; n < 400; n++) {
                    Document d = new Document();
                    if (n % 9 == 0) {
                        d.add(new StringField("kind", "document", Field.Store.NO));
                    } else {
                        d.add(new StringField("kind", "passage", Field.Store.NO));
                        d.add(new TextField("text", words(random, 1 + random.nextInt(40)), Field.Store.NO));
                        if (random.nextInt(4) > 0) {
                            d.add(new TextField("heading", words(random, 1 + random.nextInt(3)), Field.Store.NO));
                        }
                    }
                    w.addDocument(d);
                }
                w.flush();
            }
            if (merge) {
                w.forceMerge(1);
            }
            w.commit();
        }
    }

    private static String words(Random random, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(WORDS.get(random.nextInt(WORDS.size())));
        }
        return String.join(" ", out);
    }

    /** Each term's postings (documents, frequencies, positions) and impacts at every level; returns the terms. */
    private static int assertSamePostings(LeafReader a, LeafReader b, String field) throws IOException {
        Terms ta = a.terms(field);
        Terms tb = b.terms(field);
        assertNotNull(ta);
        assertNotNull(tb);
        assertEquals(ta.size(), tb.size());
        TermsEnum ea = ta.iterator();
        TermsEnum eb = tb.iterator();
        int terms = 0;
        for (BytesRef term = ea.next(); term != null; term = ea.next()) {
            assertEquals(term, eb.next());
            terms++;
            PostingsEnum pa = ea.postings(null, PostingsEnum.POSITIONS);
            PostingsEnum pb = eb.postings(null, PostingsEnum.POSITIONS);
            for (int doc = pa.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = pa.nextDoc()) {
                assertEquals(doc, pb.nextDoc());
                assertEquals(pa.freq(), pb.freq());
                for (int k = 0; k < pa.freq(); k++) {
                    assertEquals(pa.nextPosition(), pb.nextPosition());
                }
            }
            assertEquals(PostingsEnum.NO_MORE_DOCS, pb.nextDoc());
            ImpactsEnum ia = ea.impacts(PostingsEnum.FREQS);
            ImpactsEnum ib = eb.impacts(PostingsEnum.FREQS);
            ia.advanceShallow(0);
            ib.advanceShallow(0);
            Impacts xa = ia.getImpacts();
            Impacts xb = ib.getImpacts();
            assertEquals(xa.numLevels(), xb.numLevels());
            for (int level = 0; level < xa.numLevels(); level++) {
                assertEquals(xa.getDocIdUpTo(level), xb.getDocIdUpTo(level));
                assertEquals(describe(xa.getImpacts(level)), describe(xb.getImpacts(level)), field + ":" + term.utf8ToString());
            }
        }
        assertEquals(null, eb.next());
        return terms;
    }

    private static List<String> describe(List<Impact> impacts) {
        return impacts.stream().map(i -> i.freq + "/" + i.norm).toList();
    }
}
