package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Loads, once per process, the classes Lucene first needs when it writes a buffer of added documents as a segment,
 * before a writer adds its first document: it writes one small block (a document and a passage with every kind of
 * field) to an index in memory and commits it.
 * <p>
 * Without this, those classes were first loaded by the first flush, while the adding threads' code was already
 * compiled by the JIT's optimising compiler on the assumption that they did not exist: Lucene's
 * {@code IndexingChain.processDocument} (with everything it inlines, the stored fields' output among it) was compiled
 * while {@code OutputStreamIndexOutput} was the only {@code IndexOutput} loaded, and the flush's
 * {@code ByteBuffersIndexOutput} (written by the doc values' terms dictionary) broke that assumption: every compiled
 * version of the method was thrown away at once and compiled again (seen in {@code -XX:+LogCompilation} as
 * {@code dependency_failed ... witness='org/apache/lucene/store/ByteBuffersIndexOutput'} at the first flush of a
 * 1,000,000-passage bench index). Loaded first, they are part of what the compiler sees from the start. Lucene has
 * no option for this; class names are not listed here, as writing a real block loads exactly what a flush needs in
 * the Lucene version at hand.
 */
final class FlushClasses {
    private static volatile boolean loaded;

    private FlushClasses() {
    }

    /** Writes and commits one block in memory with {@code analyzer} and {@code config}'s codec, the first time only. */
    static void load(Analyzer analyzer, IndexWriterConfig like) {
        if (loaded) {
            return;
        }
        synchronized (FlushClasses.class) {
            if (loaded) {
                return;
            }
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setCodec(like.getCodec())
                    .setUseCompoundFile(like.getUseCompoundFile());
            try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, config)) {
                writer.addDocuments(block());
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the index in memory: " + e.getMessage(), e);
            }
            loaded = true;
        }
    }

    /** A passage with every field a passage can have (quotation, indicator, law, facets, date) and its document. */
    static List<Document> block() {
        String text = "Kommunen skal sørge for forsvarlig tilsyn, jf. barnevernloven § 1-4.";
        Passage passage = new Passage("sak/dok/0", "sak", "dok", "mappe/fil.pdf", "journal", "Tittel", "Overskrift", 1, 0,
                text.length(), text, List.of("forsvarlig tilsyn"), List.of("forsvarlighet"), List.of("barnevernloven"),
                Map.of(PassageSchema.MUNICIPALITY, "Kommune", PassageSchema.SERVICE, "barnevern", PassageSchema.YEAR, "2026",
                        PassageSchema.DATE, "2026-01-01"),
                List.of(new IndicatorReason("forsvarlighet", IndicatorReason.PATTERN, 1.0, List.of("forsvarlig"),
                        List.of("forsvarlig"))));
        IndexedDocument document = new IndexedDocument("dok", "sak", "mappe/fil.pdf", "journal", "Tittel", "0".repeat(64),
                "application/pdf", text, List.of(0), "1");
        List<Document> block = new ArrayList<>(2);
        block.add(PassageSchema.toDocument(passage, new SharedFields(false)));
        block.add(PassageSchema.toDocument(document));
        return block;
    }
}
