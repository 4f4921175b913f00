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

/**
 * The facet values of one segment's passages, read once from the facet doc values and kept as
 * signatures: per document and per group of dimensions, the set of facet ordinals it has, numbered.
 * The dimensions of a passage's document (case, type, municipality, service, year) make one group, the
 * passage's own (indicators, laws, quotation) the other; each group has a few hundred distinct value
 * sets where a million passages would have tens of thousands of whole combinations. Counting the facets
 * of a search then costs one increment per hit and group, and the values of each signature are added
 * once at the end, instead of reading and mapping every value of every hit as Lucene's
 * {@code SortedSetDocValuesFacetCounts} does. Lucene has no such counting, hence this class.
 * Immutable once built, so one instance serves every snapshot that shares the segment.
 */
final class SegmentFacetSignatures {
    /** The groups of dimensions that get a signature each: a dimension is in one (the last, unless named). */
    static final List<Set<String>> GROUPS = List.of(Set.of(PassageSchema.TYPE, PassageSchema.CASE, PassageSchema.MUNICIPALITY,
            PassageSchema.SERVICE, PassageSchema.YEAR), Set.of(PassageSchema.INDICATOR, PassageSchema.LAW, PassageSchema.HAS_QUOTE));
    /** The signature of a document without values in a group (a whole document's entry). */
    static final int NONE = 0;

    /**
     * The signature of each document in each group, interleaved: document {@code d}'s signature in group {@code g} at
     * {@code d * GROUPS.size() + g}. A hit's signatures then share one cache line: counting sparse hits waits for one
     * load from memory per hit, not one per group (separate arrays per group were a third of a two-word search's
     * counting time in Java Flight Recorder at 1 M passages).
     */
    private final int[] signatureOfDoc;
    /** Per group, the segment ordinals of each signature. */
    private final int[][][] ordsOfSignature;
    /** How many ordinals the segment has. */
    private final int ords;

    private SegmentFacetSignatures(int[] signatureOfDoc, int[][][] ordsOfSignature, int ords) {
        this.signatureOfDoc = signatureOfDoc;
        this.ordsOfSignature = ordsOfSignature;
        this.ords = ords;
    }

    /** Reads the segment's facet doc values of {@code field} (all dimensions are in one field). */
    static SegmentFacetSignatures of(LeafReader leaf, String field) throws IOException {
        int groups = GROUPS.size();
        int[] signatureOfDoc = new int[groups * leaf.maxDoc()];
        List<List<int[]>> ords = new ArrayList<>();
        List<Map<Key, Integer>> numbers = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            ords.add(new ArrayList<>(List.of(new int[0])));
            numbers.add(new HashMap<>());
        }
        SortedSetDocValues dv = leaf.getSortedSetDocValues(field);
        int valueCount = dv == null ? 0 : (int) dv.getValueCount();
        if (dv != null) {
            int[] groupOfOrd = groupOfOrd(dv);
            int[][] buffers = new int[groups][valueCount];
            int[] sizes = new int[groups];
            int[] last = new int[groups];
            Arrays.fill(last, -1);
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                Arrays.fill(sizes, 0);
                for (int i = dv.docValueCount(); i > 0; i--) {
                    int ord = (int) dv.nextOrd();
                    int g = groupOfOrd[ord];
                    buffers[g][sizes[g]++] = ord;
                }
                for (int g = 0; g < groups; g++) {
                    // The passages of a document follow each other and share its document-level values.
                    if (last[g] >= 0 && Arrays.equals(ords.get(g).get(last[g]), 0, ords.get(g).get(last[g]).length,
                            buffers[g], 0, sizes[g])) {
                        signatureOfDoc[doc * groups + g] = last[g];
                        continue;
                    }
                    Key key = new Key(Arrays.copyOf(buffers[g], sizes[g]));
                    Integer number = numbers.get(g).get(key);
                    if (number == null) {
                        number = ords.get(g).size();
                        numbers.get(g).put(key, number);
                        ords.get(g).add(key.ords);
                    }
                    signatureOfDoc[doc * groups + g] = number;
                    last[g] = number;
                }
            }
        }
        int[][][] ordsOfSignature = new int[groups][][];
        for (int g = 0; g < groups; g++) {
            ordsOfSignature[g] = ords.get(g).toArray(new int[0][]);
        }
        return new SegmentFacetSignatures(signatureOfDoc, ordsOfSignature, valueCount);
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

    int signature(int group, int doc) {
        return signatureOfDoc[doc * GROUPS.size() + group];
    }

    /**
     * The signatures of every document of the segment, interleaved: document {@code d}'s in group {@code g} at
     * {@code d * GROUPS.size() + g} (the array itself: read, never write).
     */
    int[] signaturesOfDocs() {
        return signatureOfDoc;
    }

    int signatures(int group) {
        return ordsOfSignature[group].length;
    }

    /** The segment ordinals of one signature of a group, ascending. */
    int[] ords(int group, int signature) {
        return ordsOfSignature[group][signature];
    }

    /** How many distinct facet values (ordinals) the segment has. */
    int ords() {
        return ords;
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
