package no.evidens.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The writer's codec: Lucene's own, except that when a buffer is flushed as a segment its postings are written with
 * the segment's norms read from arrays. Lucene's postings writer looks up the norm of every entry of every term's
 * postings (for the blocks' impacts), through a fresh norms iterator per term; the text, parts and heading fields
 * are missing on the whole-document entries, so their norms are stored sparsely and each look-up went through a bit
 * set's rank ({@code IndexedDISI}): a tenth of the processor time of writing a flushed segment. The values are the
 * segment's own norms, read once per field and flush, so the postings written are the same bytes; merges are left
 * to Lucene's writer as they were. The codec and its postings format keep Lucene's names, and everything a reader
 * uses is Lucene's, so an index written with it is an index of Lucene's default codec (readers never see this
 * class). Lucene has no option for this (it reads its norms as stored), hence the wrapper; {@link DenseNorms} does
 * the same for searching.
 */
final class FlushNorms {
    private FlushNorms() {
    }

    /** {@code codec} with its flushed postings written from norms in arrays. */
    static Codec codec(Codec codec) {
        PostingsFormat postings = codec.postingsFormat();
        PostingsFormat flushing = new PostingsFormat(postings.getName()) {
            @Override
            public FieldsConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
                return new Consumer(postings.fieldsConsumer(state), state.segmentInfo.maxDoc());
            }

            @Override
            public FieldsProducer fieldsProducer(SegmentReadState state) throws IOException {
                return postings.fieldsProducer(state);
            }
        };
        return new FilterCodec(codec.getName(), codec) {
            @Override
            public PostingsFormat postingsFormat() {
                return flushing;
            }
        };
    }

    /** Lucene's consumer, given the flushed segment's norms from arrays; a merge goes to it untouched. */
    private static final class Consumer extends FieldsConsumer {
        private final FieldsConsumer in;
        private final int maxDoc;

        Consumer(FieldsConsumer in, int maxDoc) {
            this.in = in;
            this.maxDoc = maxDoc;
        }

        @Override
        public void write(Fields fields, NormsProducer norms) throws IOException {
            in.write(fields, norms == null ? null : new ArrayNorms(norms, maxDoc));
        }

        @Override
        public void merge(MergeState mergeState, NormsProducer norms) throws IOException {
            in.merge(mergeState, norms);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A field's norms: the value of each entry that has one, and which entries have one. */
    private record Values(long[] values, FixedBitSet present, int count) {
    }

    /**
     * The norms of one segment being written, each field's read once into arrays on its first use. Does not close
     * the norms it reads (their owner, Lucene's flush, does).
     */
    static final class ArrayNorms extends NormsProducer {
        private final NormsProducer in;
        private final int maxDoc;
        private final Map<String, Values> read = new HashMap<>();

        ArrayNorms(NormsProducer in, int maxDoc) {
            this.in = in;
            this.maxDoc = maxDoc;
        }

        @Override
        public NumericDocValues getNorms(FieldInfo field) throws IOException {
            Values v = read.get(field.name);
            if (v == null) {
                v = load(in.getNorms(field));
                read.put(field.name, v);
            }
            return new ArrayValues(v, maxDoc);
        }

        private Values load(NumericDocValues norms) throws IOException {
            long[] values = new long[maxDoc];
            FixedBitSet present = new FixedBitSet(maxDoc);
            int count = 0;
            for (int doc = norms.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = norms.nextDoc()) {
                values[doc] = norms.longValue();
                present.set(doc);
                count++;
            }
            return new Values(values, present, count);
        }

        @Override
        public void checkIntegrity() throws IOException {
            in.checkIntegrity();
        }

        @Override
        public void close() {
            // the norms read belong to the flush that opened them
        }
    }

    /** One iteration over a field's norms in arrays, as Lucene's norms iterator answers. */
    private static final class ArrayValues extends NumericDocValues {
        private final Values v;
        private final int maxDoc;
        private int doc = -1;

        ArrayValues(Values v, int maxDoc) {
            this.v = v;
            this.maxDoc = maxDoc;
        }

        @Override
        public long longValue() {
            return v.values()[doc];
        }

        @Override
        public boolean advanceExact(int target) {
            doc = target;
            return v.present().get(target);
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            doc = target >= maxDoc ? NO_MORE_DOCS : v.present().nextSetBit(target);
            return doc;
        }

        @Override
        public long cost() {
            return v.count();
        }
    }
}
