package no.evidens.solr;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

import no.evidens.index.PassageSchema;

/**
 * Builds the embedded index's more-like-this query (Lucene's {@link MoreLikeThis} on the passage text,
 * same settings) with the collection's statistics, so that Solr is asked exactly what the embedded index
 * runs. Solr's own {@code {!mlt}} picks the terms from one shard's statistics and with its own settings,
 * so its hits differ. Lucene's MoreLikeThis reads the number of passages and each word's document
 * frequency from an index reader: here a reader that answers those two from figures the collection gave.
 */
final class SolrMoreLikeThis {
    /** As the embedded index sets it. */
    private static final int MIN_WORD_LENGTH = 3;

    private SolrMoreLikeThis() {
    }

    /**
     * The distinct words of {@code text} as {@code analyzer} gives them (the searcher's own analyzer, as the
     * embedded index's MoreLikeThis reads the passage with: synonyms expanded): what the statistics are needed for.
     */
    static Set<String> words(String text, Analyzer analyzer) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(PassageSchema.TEXT, new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    /**
     * The like-this query for {@code text}.
     *
     * @param passages  how many passages have text (Lucene's document count of the field)
     * @param docFreqs  for each word of {@link #words}, how many passages hold it
     */
    static Query like(String text, Analyzer analyzer, long passages, Map<String, Integer> docFreqs) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(new Statistics(passages, docFreqs));
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {PassageSchema.TEXT});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMinWordLen(MIN_WORD_LENGTH);
        return mlt.like(PassageSchema.TEXT, new StringReader(text));
    }

    /** A reader with no documents that gives the text field's document count and document frequencies. */
    private static final class Statistics extends FilterLeafReader {
        private final long passages;
        private final Map<String, Integer> docFreqs;

        Statistics(long passages, Map<String, Integer> docFreqs) {
            super(empty());
            this.passages = passages;
            this.docFreqs = Map.copyOf(docFreqs);
        }

        private static LeafReader empty() {
            return (LeafReader) new MemoryIndex().createSearcher().getIndexReader();
        }

        @Override
        public int numDocs() {
            return (int) Math.min(Integer.MAX_VALUE, passages);
        }

        @Override
        public Terms terms(String field) {
            return PassageSchema.TEXT.equals(field) ? new FrequencyTerms(passages, docFreqs::get) : null;
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    /** The text field's figures: its document count, and a term enum that can only seek. */
    private static final class FrequencyTerms extends Terms {
        private final long passages;
        private final Function<String, Integer> docFreq;

        FrequencyTerms(long passages, Function<String, Integer> docFreq) {
            this.passages = passages;
            this.docFreq = docFreq;
        }

        @Override
        public TermsEnum iterator() {
            return new BaseTermsEnum() {
                private BytesRef current;
                private int freq;

                @Override
                public SeekStatus seekCeil(BytesRef text) {
                    Integer f = docFreq.apply(text.utf8ToString());
                    if (f == null || f == 0) {
                        return SeekStatus.END;
                    }
                    current = BytesRef.deepCopyOf(text);
                    freq = f;
                    return SeekStatus.FOUND;
                }

                @Override
                public void seekExact(long ord) {
                    throw new UnsupportedOperationException("seek by term only");
                }

                @Override
                public BytesRef term() {
                    return current;
                }

                @Override
                public long ord() {
                    throw new UnsupportedOperationException("no ordinals");
                }

                @Override
                public int docFreq() {
                    return freq;
                }

                @Override
                public long totalTermFreq() {
                    return freq;
                }

                @Override
                public PostingsEnum postings(PostingsEnum reuse, int flags) {
                    throw new UnsupportedOperationException("statistics only");
                }

                @Override
                public ImpactsEnum impacts(int flags) {
                    throw new UnsupportedOperationException("statistics only");
                }

                @Override
                public BytesRef next() {
                    return null;
                }
            };
        }

        @Override
        public long size() {
            return -1;
        }

        @Override
        public long getSumTotalTermFreq() {
            return -1;
        }

        @Override
        public long getSumDocFreq() {
            return -1;
        }

        @Override
        public int getDocCount() {
            return (int) Math.min(Integer.MAX_VALUE, passages);
        }

        @Override
        public boolean hasFreqs() {
            return true;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }
    }
}
