package no.evidens.index;

import java.io.IOException;

import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * One term's postings in one segment, read once for a page of hits: a single Lucene {@link PostingsEnum} moved
 * forward through the page's documents, and any number of views of it ({@link #view()}), each a full
 * {@code PostingsEnum} that answers exactly what a fresh one would. The highlighter asks for a term's postings once
 * per hit and field (Lucene's {@code TermQuery} matches build a terms enum, seek it and decode a postings block
 * every time); the page's hits come in document order, so one enum moved forward serves them all. A view that
 * must go back (a document before the shared enum's last target) reads a postings enum of its own from then on.
 * A document's positions, offsets and payloads are read once when the shared enum lands on it, so that views
 * standing on that document replay them after the enum has moved on. One highlighting call, one thread.
 */
final class SharedPostings {
    /** The field's terms enum that {@link #fresh()} moves to the term (shared with other terms of the field). */
    private final Positioner positioner;
    private final BytesRef term;
    private final TermState state;
    private final int flags;
    private final boolean positions;
    private final boolean payloads;
    private final PostingsEnum shared;
    /** The last target the shared enum was moved to: for any target from it up to {@link #doc}, {@code doc} is the answer. */
    private int lastTarget = -1;
    private int doc = -1;
    private Landing landing;

    /** Hands out a terms enum of the term's field to be moved to the term; the same one each time is fine. */
    @FunctionalInterface
    interface Positioner {
        TermsEnum termsEnum() throws IOException;
    }

    /**
     * @param positioner a terms enum of the field, moved to the term when postings are read (Lucene's postings do not
     *                   depend on the terms enum they came from once read, so one enum per field serves every term)
     */
    SharedPostings(Positioner positioner, BytesRef term, TermState state, int flags) throws IOException {
        this.positioner = positioner;
        this.term = term;
        this.state = state;
        this.flags = flags;
        this.positions = PostingsEnum.featureRequested(flags, PostingsEnum.POSITIONS);
        this.payloads = PostingsEnum.featureRequested(flags, PostingsEnum.PAYLOADS);
        this.shared = fresh();
    }

    /** A postings enum of the term of its own, as the terms enum would hand it out. */
    private PostingsEnum fresh() throws IOException {
        TermsEnum te = positioner.termsEnum();
        te.seekExact(term, state);
        return te.postings(null, flags);
    }

    /** The term whose postings these are. */
    BytesRef term() {
        return term;
    }

    /** The features these postings were read with (Lucene's {@code PostingsEnum} flags). */
    int flags() {
        return flags;
    }

    /** A new view, not yet on a document. */
    PostingsEnum view() {
        return new View();
    }

    /** What the postings hold on one document: its frequency and, when asked for, each position's data. */
    private record Landing(int doc, int freq, int[] positions, int[] starts, int[] ends, BytesRef[] payloads) {
        static final Landing END = new Landing(NO_MORE, 0, new int[0], new int[0], new int[0], null);

        static Landing read(int doc, PostingsEnum pe, boolean withPositions, boolean withPayloads) throws IOException {
            int freq = pe.freq();
            int n = withPositions ? freq : 0;
            int[] positions = new int[n];
            int[] starts = new int[n];
            int[] ends = new int[n];
            BytesRef[] payloads = withPayloads ? new BytesRef[n] : null;
            for (int i = 0; i < n; i++) {
                positions[i] = pe.nextPosition();
                starts[i] = pe.startOffset();
                ends[i] = pe.endOffset();
                if (withPayloads) {
                    BytesRef p = pe.getPayload();
                    payloads[i] = p == null ? null : BytesRef.deepCopyOf(p);
                }
            }
            return new Landing(doc, freq, positions, starts, ends, payloads);
        }
    }

    private static final int NO_MORE = PostingsEnum.NO_MORE_DOCS;

    /** The shared enum's answer to {@code advance(target)}, or null when it has gone past what that needs. */
    private Landing advanceShared(int target) throws IOException {
        if (target < lastTarget) {
            return null;
        }
        if (target > doc) {
            lastTarget = target;
            doc = shared.advance(target);
            landing = doc == NO_MORE ? Landing.END : Landing.read(doc, shared, positions, payloads);
        }
        return landing;
    }

    /** A postings enum over the shared one; its own enum once it has to go back. */
    private final class View extends PostingsEnum {
        private Landing at;
        private int doc = -1;
        private int upto;
        private PostingsEnum own;

        @Override
        public int docID() {
            return own != null ? own.docID() : doc;
        }

        @Override
        public int nextDoc() throws IOException {
            if (own != null) {
                return own.nextDoc();
            }
            return doc == NO_MORE ? NO_MORE : advance(doc + 1);
        }

        @Override
        public int advance(int target) throws IOException {
            if (own != null) {
                return own.advance(target);
            }
            Landing l = advanceShared(target);
            if (l == null) {
                own = fresh();
                return own.advance(target);
            }
            at = l;
            upto = 0;
            doc = l.doc();
            return doc;
        }

        @Override
        public int freq() throws IOException {
            return own != null ? own.freq() : at.freq();
        }

        @Override
        public int nextPosition() throws IOException {
            if (own != null) {
                return own.nextPosition();
            }
            // Without positions asked for, Lucene's enums answer -1.
            return positions ? at.positions()[upto++] : -1;
        }

        @Override
        public int startOffset() throws IOException {
            return own != null ? own.startOffset() : positions ? at.starts()[upto - 1] : -1;
        }

        @Override
        public int endOffset() throws IOException {
            return own != null ? own.endOffset() : positions ? at.ends()[upto - 1] : -1;
        }

        @Override
        public BytesRef getPayload() throws IOException {
            return own != null ? own.getPayload() : at.payloads() == null || upto == 0 ? null : at.payloads()[upto - 1];
        }

        @Override
        public long cost() {
            return own != null ? own.cost() : shared.cost();
        }
    }
}
