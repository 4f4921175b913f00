package no.evidens.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;

/**
 * The facet values of one segment's passages, read once from the facet doc values and kept as
 * signatures: per document and per group of dimensions, the set of facet ordinals it has, numbered.
 * The dimensions of a passage's document (case, type, municipality, service, year) make one group, the
 * passage's own (indicators, laws, quotation) the other; each group has a few hundred distinct value
 * sets where a million passages would have tens of thousands of whole combinations. Counting the facets
 * of a search then costs one increment per hit and group, and the values of each signature are added
 * once at the end, instead of reading and mapping every value of every hit as Lucene's
 * {@code SortedSetDocValuesFacetCounts} does. Lucene has no such counting, hence this class.
 * <p>
 * The signatures of both groups are numbered in one range (the first group's, then the second's), so that a
 * search counts a segment's hits into one array of the range's size ({@link #newCounts()}). A document's two
 * numbers are kept in three bytes when the first group has at most 256 signatures and both at most 65,536 (a
 * segment of the bench's generated passages has 97 and about 2,000), else as two {@code char}s when the range fits in
 * 16 bits, else as {@code int}s: fewer bytes are fewer cache lines for a search of sparse hits to wait for.
 * Immutable once built, so one instance serves every snapshot that shares the segment.
 */
final class SegmentFacetSignatures {
    /** The groups of dimensions that get a signature each: a dimension is in one (the last, unless named). */
    static final List<Set<String>> GROUPS = List.of(Set.of(PassageSchema.TYPE, PassageSchema.CASE, PassageSchema.MUNICIPALITY,
            PassageSchema.SERVICE, PassageSchema.YEAR), Set.of(PassageSchema.INDICATOR, PassageSchema.LAW, PassageSchema.HAS_QUOTE));
    /** How many groups; the counting loops below are written for two. */
    private static final int G = 2;

    /**
     * The two signatures of each document, interleaved: document {@code d}'s in group {@code g} at {@code d * 2 + g}. A
     * hit's signatures then share one cache line: counting sparse hits waits for one load from memory per hit, not one
     * per group (separate arrays per group were a third of a two-word search's counting time in Java Flight Recorder at
     * 1 M passages). Exactly one of {@code packed}, {@code narrow} and {@code wide} is set.
     */
    private final char[] narrow;
    /**
     * The two signatures of each document in three bytes, where the first group has at most 256 and both at most 65,536
     * (a segment of generated or real passages has about a hundred and a few thousand): document {@code d}'s first
     * group's at byte {@code 3 * d}, its second's in the two bytes after it, low byte first. A quarter fewer bytes than the {@code char}
     * layout, 21 entries a cache line instead of 16: a term search on one thread took 0.96 of the {@code char} layout's
     * thread CPU (docs/search-speed-rounds.md, thirty-eighth round). Read a byte at a time: one four-byte read through
     * a {@code VarHandle} measured no better, and its loop's compiled code is the JIT's to inline or not.
     */
    private final byte[] packed;
    private final int[] wide;
    /** Per group, its first signature number; the group's signature of a document without values in it is that one. */
    private final int[] firstOfGroup;
    /** Where each signature's ordinals start in {@link #ords} (one more entry than signatures: its end). */
    private final int[] ordStart;
    /** The segment ordinals of every signature, one signature after the other, each ascending. */
    private final int[] ords;
    /** How many ordinals the segment has. */
    private final int ordCount;

    private SegmentFacetSignatures(byte[] packed, char[] narrow, int[] wide, int[] firstOfGroup, int[] ordStart, int[] ords,
                                   int ordCount) {
        this.packed = packed;
        this.narrow = narrow;
        this.wide = wide;
        this.firstOfGroup = firstOfGroup;
        this.ordStart = ordStart;
        this.ords = ords;
        this.ordCount = ordCount;
    }

    /** Reads the segment's facet doc values of {@code field} (all dimensions are in one field). */
    static SegmentFacetSignatures of(LeafReader leaf, String field) throws IOException {
        return of(leaf, field, Character.MAX_VALUE + 1);
    }

    /** As {@link #of(LeafReader, String)}, the {@code char} layout taken only for at most {@code narrowUpTo} signatures. */
    static SegmentFacetSignatures of(LeafReader leaf, String field, int narrowUpTo) throws IOException {
        return of(leaf, field, narrowUpTo, 256);
    }

    /**
     * As {@link #of(LeafReader, String, int)}, the three-byte layout taken only for at most {@code packedUpTo} signatures in
     * the first group (and at most {@code narrowUpTo} in all).
     */
    static SegmentFacetSignatures of(LeafReader leaf, String field, int narrowUpTo, int packedUpTo) throws IOException {
        if (GROUPS.size() != G) {
            throw new IllegalStateException("the counting loops are written for " + G + " groups");
        }
        // Numbered per group first (0: no values in the group), then moved into one range.
        int[] perGroup = new int[G * leaf.maxDoc()];
        List<List<int[]>> ordsOf = new ArrayList<>();
        List<Map<Key, Integer>> numbers = new ArrayList<>();
        for (int g = 0; g < G; g++) {
            ordsOf.add(new ArrayList<>(List.of(new int[0])));
            numbers.add(new HashMap<>());
        }
        SortedSetDocValues dv = leaf.getSortedSetDocValues(field);
        int valueCount = dv == null ? 0 : (int) dv.getValueCount();
        if (dv != null) {
            int[] groupOfOrd = groupOfOrd(dv);
            int[][] buffers = new int[G][valueCount];
            int[] sizes = new int[G];
            int[] last = new int[G];
            Arrays.fill(last, -1);
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                Arrays.fill(sizes, 0);
                for (int i = dv.docValueCount(); i > 0; i--) {
                    int ord = (int) dv.nextOrd();
                    int g = groupOfOrd[ord];
                    buffers[g][sizes[g]++] = ord;
                }
                for (int g = 0; g < G; g++) {
                    // The passages of a document follow each other and share its document-level values.
                    if (last[g] >= 0 && Arrays.equals(ordsOf.get(g).get(last[g]), 0, ordsOf.get(g).get(last[g]).length,
                            buffers[g], 0, sizes[g])) {
                        perGroup[doc * G + g] = last[g];
                        continue;
                    }
                    Key key = new Key(Arrays.copyOf(buffers[g], sizes[g]));
                    Integer number = numbers.get(g).get(key);
                    if (number == null) {
                        number = ordsOf.get(g).size();
                        numbers.get(g).put(key, number);
                        ordsOf.get(g).add(key.ords);
                    }
                    perGroup[doc * G + g] = number;
                    last[g] = number;
                }
            }
        }
        int[] firstOfGroup = new int[G + 1];
        for (int g = 0; g < G; g++) {
            firstOfGroup[g + 1] = firstOfGroup[g] + ordsOf.get(g).size();
        }
        int signatures = firstOfGroup[G];
        int[] ordStart = new int[signatures + 1];
        int at = 0;
        for (int g = 0; g < G; g++) {
            for (int[] o : ordsOf.get(g)) {
                at++;
                ordStart[at] = ordStart[at - 1] + o.length;
            }
        }
        int[] ords = new int[ordStart[signatures]];
        at = 0;
        for (int g = 0; g < G; g++) {
            for (int[] o : ordsOf.get(g)) {
                System.arraycopy(o, 0, ords, ordStart[at++], o.length);
            }
        }
        for (int i = 0; i < perGroup.length; i++) {
            perGroup[i] += firstOfGroup[i % G];
        }
        char[] narrow = null;
        byte[] packed = null;
        if (signatures <= Math.min(narrowUpTo, Character.MAX_VALUE + 1) && firstOfGroup[1] <= Math.min(packedUpTo, 256)) {
            int docs = perGroup.length / G;
            packed = new byte[3 * docs];
            for (int d = 0; d < docs; d++) {
                int second = perGroup[G * d + 1];
                packed[3 * d] = (byte) perGroup[G * d];
                packed[3 * d + 1] = (byte) second;
                packed[3 * d + 2] = (byte) (second >>> 8);
            }
            perGroup = null;
        } else if (signatures <= Math.min(narrowUpTo, Character.MAX_VALUE + 1)) {
            narrow = new char[perGroup.length];
            for (int i = 0; i < perGroup.length; i++) {
                narrow[i] = (char) perGroup[i];
            }
            perGroup = null;
        }
        return new SegmentFacetSignatures(packed, narrow, perGroup, Arrays.copyOf(firstOfGroup, G), ordStart, ords, valueCount);
    }

    /** The group of each ordinal's dimension (the label is dimension, delimiter, value). */
    private static int[] groupOfOrd(SortedSetDocValues dv) throws IOException {
        int[] group = new int[(int) dv.getValueCount()];
        for (int ord = 0; ord < group.length; ord++) {
            String dim = FacetsConfig.stringToPath(dv.lookupOrd(ord).utf8ToString())[0];
            group[ord] = groupOf(dim);
        }
        return group;
    }

    /** The group of a dimension: a dimension the groups do not name goes with the passage's own (the last). */
    static int groupOf(String dim) {
        for (int g = 0; g < GROUPS.size(); g++) {
            if (GROUPS.get(g).contains(dim)) {
                return g;
            }
        }
        return GROUPS.size() - 1;
    }

    /** Whether the documents' signatures are kept in three bytes or as {@code char}s (else as {@code int}s: more than 65,536). */
    boolean narrow() {
        return wide == null;
    }

    /** Whether the documents' signatures are kept in three bytes. */
    boolean packed() {
        return packed != null;
    }

    /** Fresh counts of hits per signature, both groups in one array: for {@link #count} and {@link #addTo}. */
    int[] newCounts() {
        return new int[ordStart.length - 1];
    }

    /** Counts one hit: one more for its signature of each group. */
    void count(int doc, int[] counts) {
        if (packed != null) {
            counts[packed[3 * doc] & 0xFF]++;
            counts[(packed[3 * doc + 1] & 0xFF) | (packed[3 * doc + 2] & 0xFF) << 8]++;
        } else if (narrow != null) {
            counts[narrow[G * doc]]++;
            counts[narrow[G * doc + 1]]++;
        } else {
            counts[wide[G * doc]]++;
            counts[wide[G * doc + 1]]++;
        }
    }

    /** Counts one hit for one group only. */
    void count(int doc, int group, int[] counts) {
        if (packed != null) {
            counts[group == 0 ? packed[3 * doc] & 0xFF : (packed[3 * doc + 1] & 0xFF) | (packed[3 * doc + 2] & 0xFF) << 8]++;
        } else {
            counts[narrow != null ? narrow[G * doc + group] : wide[G * doc + group]]++;
        }
    }

    /** Counts every hit of a segment's bit set, deleted entries ({@code live}: null when none) skipped. */
    void count(FixedBitSet hits, Bits live, int[] counts) {
        long[] words = hits.getBits();
        int numWords = FixedBitSet.bits2words(hits.length());
        if (packed != null && live == null) {
            countPacked(words, numWords, counts);
            return;
        }
        for (int w = 0; w < numWords; w++) {
            if (words[w] != 0) {
                count(words[w], w, live, counts);
            }
        }
    }

    /**
     * Counts every hit of a segment without deleted entries, signatures in three bytes. The first group's signature (the
     * document's values) is the same for a document's passages, which are neighbours: its hits are added up while it
     * stays the same and added to its count when it changes, so that a document's hits do not each wait for the one
     * before to have stored its increment of the same count.
     */
    private void countPacked(long[] words, int numWords, int[] counts) {
        byte[] sig = packed;
        int run = 0;
        int inRun = 0;
        for (int w = 0; w < numWords; w++) {
            for (long bits = words[w]; bits != 0; bits &= bits - 1) {
                int at = 3 * ((w << 6) | Long.numberOfTrailingZeros(bits));
                int first = sig[at] & 0xFF;
                if (first != run) {
                    counts[run] += inRun;
                    run = first;
                    inRun = 0;
                }
                inRun++;
                counts[(sig[at + 1] & 0xFF) | (sig[at + 2] & 0xFF) << 8]++;
            }
        }
        counts[run] += inRun;
    }

    /** Counts the hits of one 64-bit word ({@code w}) of a segment's bit set, deleted entries skipped. */
    void count(long bits, int w, Bits live, int[] counts) {
        // A loop per layout rather than one that asks per hit which array it reads: this is the hot loop of a word search.
        if (packed != null) {
            byte[] sig = packed;
            for (; bits != 0; bits &= bits - 1) {
                int doc = (w << 6) | Long.numberOfTrailingZeros(bits);
                if (live == null || live.get(doc)) {
                    int at = 3 * doc;
                    counts[sig[at] & 0xFF]++;
                    counts[(sig[at + 1] & 0xFF) | (sig[at + 2] & 0xFF) << 8]++;
                }
            }
        } else if (narrow != null) {
            char[] sig = narrow;
            for (; bits != 0; bits &= bits - 1) {
                int doc = (w << 6) | Long.numberOfTrailingZeros(bits);
                if (live == null || live.get(doc)) {
                    counts[sig[G * doc]]++;
                    counts[sig[G * doc + 1]]++;
                }
            }
        } else {
            int[] sig = wide;
            for (; bits != 0; bits &= bits - 1) {
                int doc = (w << 6) | Long.numberOfTrailingZeros(bits);
                if (live == null || live.get(doc)) {
                    counts[sig[G * doc]]++;
                    counts[sig[G * doc + 1]]++;
                }
            }
        }
    }

    /** Counts the hits of one 64-bit word ({@code w}) of a segment's bit set for one group only, deleted entries skipped. */
    void count(long bits, int w, Bits live, int group, int[] counts) {
        for (; bits != 0; bits &= bits - 1) {
            int doc = (w << 6) | Long.numberOfTrailingZeros(bits);
            if (live == null || live.get(doc)) {
                count(doc, group, counts);
            }
        }
    }

    /** How many hits {@code counts} holds (each hit has one signature in the first group). */
    long hits(int[] counts) {
        long total = 0;
        for (int sig = firstOfGroup[0]; sig < firstOfGroup[1]; sig++) {
            total += counts[sig];
        }
        return total;
    }

    /**
     * Adds hits per signature ({@code counts}, from {@link #newCounts()}) to hits per ordinal of a snapshot
     * ({@code toGlobal}: this segment's ordinals as the snapshot's).
     */
    void addTo(int[] byOrd, int[] toGlobal, int[] counts) {
        for (int sig = 0; sig < counts.length; sig++) {
            int c = counts[sig];
            if (c != 0) {
                for (int i = ordStart[sig], end = ordStart[sig + 1]; i < end; i++) {
                    byOrd[toGlobal[ords[i]]] += c;
                }
            }
        }
    }

    /** How many distinct facet values (ordinals) the segment has. */
    int ords() {
        return ordCount;
    }

    /** A signature's ordinals as a hash key. */
    private static final class Key {
        final int[] ords;
        final int hash;

        Key(int[] ords) {
            this.ords = ords;
            this.hash = Arrays.hashCode(ords);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(ords, k.ords);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
