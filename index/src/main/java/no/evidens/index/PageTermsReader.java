package no.evidens.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;

/**
 * A segment as the highlighter reads it for one page of hits: a term's postings are read once for the page
 * ({@link SharedPostings}) however often a query's matches ask for them. Lucene's {@code TermQuery} asks, for
 * each hit, for a new terms enum, seeks it by the term's state and reads new postings; here the terms enum of such
 * a request is only a note of the term until something else than its postings is asked of it, and the postings
 * come from the page's shared ones; a term sought by its text (as synonyms and phrases are matched) is sought in
 * the terms dictionary once for the page. Everything else (enumerating terms, seeking by text, impacts) goes to a real
 * terms enum, as it would. One highlighting call, one thread.
 */
final class PageTermsReader extends FilterLeafReader {
    private record Key(String field, BytesRef term, int flags) {
    }

    /** Stands for "not sought by the search before" where a state, or null for "not in the segment", is answered. */
    private static final TermState NOT_KNOWN = new TermState() {
        @Override
        public void copyFrom(TermState other) {
            throw new UnsupportedOperationException();
        }
    };

    /** A term sought by text in one field: its bytes (a copy) and its state, null when the segment does not hold it. */
    private record Sought(BytesRef term, TermState state) {
    }

    private final Map<String, Terms> terms = new HashMap<>();
    private final Map<Key, SharedPostings> postings = new HashMap<>();
    /** Terms sought by text here, not among the {@link #known} ones, with their state (null: not in the segment); flags unused (0). */
    private final Map<Key, TermState> sought = new HashMap<>();
    /** Words the same search sought in this segment before, with where it holds them (null: it does not). */
    private final Map<Term, SoughtTerms.Found> known;

    PageTermsReader(LeafReader in) {
        this(in, Map.of());
    }

    /**
     * @param known words already sought in this segment by the same search, with their states (null: the segment
     *              does not hold the word): found there, not sought in the terms dictionary again
     */
    PageTermsReader(LeafReader in, Map<Term, SoughtTerms.Found> known) {
        super(in);
        this.known = known;
    }

    @Override
    public Terms terms(String field) throws IOException {
        Terms t = terms.get(field);
        if (t == null && !terms.containsKey(field)) {
            Terms real = super.terms(field);
            t = real == null ? null : new PageTerms(field, real);
            terms.put(field, t);
        }
        return t;
    }

    private SharedPostings postings(PageTerms field, BytesRef term, TermState state, int flags) throws IOException {
        Key key = new Key(field.field, term, flags);
        SharedPostings shared = postings.get(key);
        if (shared == null) {
            Key own = new Key(field.field, BytesRef.deepCopyOf(term), flags);
            shared = new SharedPostings(field::positioner, own.term(), state, flags);
            postings.put(own, shared);
        }
        return shared;
    }

    @Override
    public CacheHelper getCoreCacheHelper() {
        return null;
    }

    @Override
    public CacheHelper getReaderCacheHelper() {
        return null;
    }

    private final class PageTerms extends FilterTerms {
        private final String field;
        /**
         * The shared postings of this field's terms by the state they were sought with. Lucene's term queries ask for a
         * hit's matches by seeking a new terms enum with the state their weight holds, the same object for every hit of
         * a segment, so a term's postings are found here without hashing its bytes ({@link Key}) for every hit and term.
         */
        private final Map<TermState, SharedPostings> byState = new IdentityHashMap<>();
        /**
         * The terms of this field sought by text, by the caller's bytes object: a synonym query seeks each of its terms
         * by text for every hit, handing over the same objects each time. An entry holds a copy of the bytes, so an
         * object filled with other bytes since is seen for what it is and sought by its new bytes.
         */
        private final Map<BytesRef, Sought> byText = new IdentityHashMap<>();
        /**
         * This field's words the same search sought before ({@link #known}), by the bytes object of their term: a
         * query hands over its terms' own bytes, the objects the search's counting noted, so they are found without
         * hashing their bytes (an entry is taken only when its term's bytes equal the text sought).
         */
        private final Map<BytesRef, Map.Entry<Term, SoughtTerms.Found>> knownByBytes = new IdentityHashMap<>();
        /** A terms enum of the field's own, moved to a term only to read its postings (made when first needed). */
        private TermsEnum positioner;

        PageTerms(String field, Terms in) {
            super(in);
            this.field = field;
            for (Map.Entry<Term, SoughtTerms.Found> k : known.entrySet()) {
                if (k.getKey().field().equals(field)) {
                    knownByBytes.put(k.getKey().bytes(), k);
                }
            }
        }

        /** The field's own terms enum for reading postings ({@link SharedPostings}); the caller moves it. */
        TermsEnum positioner() throws IOException {
            if (positioner == null) {
                positioner = in.iterator();
            }
            return positioner;
        }

        /** The shared postings of {@code term}, noted with {@code state}. */
        PostingsEnum postings(BytesRef term, TermState state, int flags) throws IOException {
            SharedPostings shared = byState.get(state);
            if (shared == null || shared.flags() != flags || !shared.term().bytesEquals(term)) {
                shared = PageTermsReader.this.postings(this, term, state, flags);
                byState.put(state, shared);
            }
            return shared.view();
        }

        /**
         * Where this segment holds {@code text} as the search's counting found it: its state, or null when the segment
         * does not hold it; {@link #NOT_KNOWN} when the counting did not seek it here.
         */
        TermState known(BytesRef text) {
            Map.Entry<Term, SoughtTerms.Found> k = knownByBytes.get(text);
            if (k == null || !k.getKey().bytes().bytesEquals(text)) {
                Term t = new Term(field, text);
                if (!known.containsKey(t)) {
                    return NOT_KNOWN;
                }
                SoughtTerms.Found f = known.get(t);
                return f == null ? null : f.state();
            }
            return k.getValue() == null ? null : k.getValue().state();
        }

        @Override
        public TermsEnum iterator() {
            return new PageTermsEnum(this, in);
        }
    }

    /**
     * A terms enum that, seeked by a term's state, only notes it: its postings then come from the page's shared
     * ones; anything else positions a real terms enum there first. Positioned by the real enum (enumerated or
     * sought by text), its postings come from the shared ones too, by the real enum's term and state.
     */
    private final class PageTermsEnum extends TermsEnum {
        private final PageTerms terms;
        private final String field;
        private final Terms real;
        private TermsEnum in;
        /** The term noted by {@link #seekExact(BytesRef, TermState)}, not yet sought in {@link #in}. */
        private BytesRef noted;
        private TermState notedState;

        PageTermsEnum(PageTerms terms, Terms real) {
            this.terms = terms;
            this.field = terms.field;
            this.real = real;
        }

        /** The real terms enum, positioned on the noted term if there is one. */
        private TermsEnum in() throws IOException {
            if (in == null) {
                in = real.iterator();
            }
            if (noted != null) {
                in.seekExact(noted, notedState);
                noted = null;
                notedState = null;
            }
            return in;
        }

        @Override
        public void seekExact(BytesRef term, TermState state) {
            noted = BytesRef.deepCopyOf(term);
            notedState = state;
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
            if (noted != null) {
                return terms.postings(noted, notedState, flags);
            }
            return PageTermsReader.this.postings(terms, in.term(), in.termState(), flags).view();
        }

        @Override
        public BytesRef term() throws IOException {
            return noted != null ? noted : in().term();
        }

        @Override
        public TermState termState() throws IOException {
            return noted != null ? notedState : in().termState();
        }

        @Override
        public AttributeSource attributes() {
            try {
                return in().attributes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean seekExact(BytesRef text) throws IOException {
            noted = null;
            Sought known = terms.byText.get(text);
            if (known == null || !known.term().bytesEquals(text)) {
                known = new Sought(BytesRef.deepCopyOf(text), soughtState(text));
                terms.byText.put(text, known);
            }
            if (known.state() != null) {
                // As seekExact(term, state), without copying the entry's own copy of the bytes again.
                noted = known.term();
                notedState = known.state();
            }
            // Not found: the enum is unpositioned, as a real one is after a failed seek.
            return known.state() != null;
        }

        /** The state of {@code text} in this field, sought in the terms dictionary once for the page (null: absent). */
        private TermState soughtState(BytesRef text) throws IOException {
            TermState counted = terms.known(text);
            if (counted != NOT_KNOWN) {
                return counted;
            }
            Key key = new Key(field, text, 0);
            if (sought.containsKey(key)) {
                return sought.get(key);
            }
            TermState state = in().seekExact(text) ? in.termState() : null;
            sought.put(new Key(field, BytesRef.deepCopyOf(text), 0), state);
            return state;
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) throws IOException {
            noted = null;
            return in().seekCeil(text);
        }

        @Override
        public void seekExact(long ord) throws IOException {
            noted = null;
            in().seekExact(ord);
        }

        @Override
        public BytesRef next() throws IOException {
            return in().next();
        }

        @Override
        public long ord() throws IOException {
            return in().ord();
        }

        @Override
        public int docFreq() throws IOException {
            return in().docFreq();
        }

        @Override
        public long totalTermFreq() throws IOException {
            return in().totalTermFreq();
        }

        @Override
        public ImpactsEnum impacts(int flags) throws IOException {
            return in().impacts(flags);
        }
    }
}
