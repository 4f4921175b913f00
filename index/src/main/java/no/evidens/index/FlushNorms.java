package no.evidens.index;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

/**
 * The writer's codec: Lucene's own, except that when a buffer is flushed as a segment its postings are written with
 * the segment's norms read from arrays. Lucene's postings writer looks up the norm of every entry of every term's
 * postings (for the blocks' impacts), through a fresh norms iterator per term; the text, parts and heading fields
 * are missing on the whole-document entries, so their norms are stored sparsely and each look-up went through a bit
 * set's rank ({@code IndexedDISI}): a tenth of the processor time of writing a flushed segment. The values are the
 * segment's own norms, read once per field and flush, so the postings written are the same bytes; a merge's postings
 * are written the same way, from the merged segment's norms (Lucene writes them before the postings). The codec and its postings format keep Lucene's names, and everything a reader
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

    /** Lucene's consumer, given the flushed or merged segment's norms from arrays. */
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
            // the merged segment's norms (written before its postings) from arrays too: a merge's postings writer looks
            // each entry's norm up as a flush's does, and at 10,000 documents merges are a tenth of the main process
            in.merge(mergeState, norms == null ? null : new ArrayNorms(norms, mergeState.segmentInfo.maxDoc()));
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * The norms of one segment being written, each field's read once into arrays on its first use (as
     * {@link DenseNorms} holds them; a field with a value beyond a byte is read as stored). Does not close the norms it
     * reads (their owner, Lucene's flush, does).
     */
    static final class ArrayNorms extends NormsProducer {
        private final NormsProducer in;
        private final int maxDoc;
        private final Map<String, Optional<DenseNorms.Values>> read = new HashMap<>();

        ArrayNorms(NormsProducer in, int maxDoc) {
            this.in = in;
            this.maxDoc = maxDoc;
        }

        @Override
        public NumericDocValues getNorms(FieldInfo field) throws IOException {
            Optional<DenseNorms.Values> v = read.get(field.name);
            if (v == null) {
                v = Optional.ofNullable(DenseNorms.load(in.getNorms(field), maxDoc));
                read.put(field.name, v);
            }
            return v.isPresent() ? new DenseNorms.Iterator(v.get()) : in.getNorms(field);
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
}
