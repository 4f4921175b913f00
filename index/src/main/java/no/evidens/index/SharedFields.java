package no.evidens.index;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.facet.FacetField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/**
 * The fields whose values the passages of one document share (case, document, file, type, title, the document's
 * facets), made once and added to each passage of the block. Lucene only reads a field while it indexes a
 * document, so one field may be added to many; making each again for every passage (a keyword's UTF-8 bytes, a
 * facet's path) was a few percent of indexing. A field is reused only for the same value: a passage whose value
 * differs gets a field of its own. One per block, on the thread that builds it.
 */
final class SharedFields {
    private record Made(String value, IndexableField field) {
    }

    private final Map<String, Made> made = new HashMap<>();
    private final Map<String, Made> facets = new HashMap<>();
    private final boolean drillDownTerms;

    /** Fields for an index without the facets' drill-down terms (every index written since they were left out). */
    SharedFields() {
        this(false);
    }

    /**
     * @param drillDownTerms whether the index holds the facets' drill-down terms, as one written before they were
     *                       left out does: Lucene refuses a document whose facet field lacks what the index's has,
     *                       so such an index keeps getting them ({@link PassageSchema#withDrillDownTerms})
     */
    SharedFields(boolean drillDownTerms) {
        this.drillDownTerms = drillDownTerms;
    }

    /** The field of {@code slot} (a name for the place the field fills) with this value: the last one made, or a new one. */
    IndexableField field(String slot, String value, Function<String, IndexableField> make) {
        return shared(made, slot, value, make);
    }

    /**
     * A facet value of a dimension, shared as {@link #field} shares fields; for an index with drill-down terms, a
     * Lucene facet field that {@link PassageSchema#withDrillDownTerms} turns into the doc value and the terms.
     */
    IndexableField facet(String dim, String value) {
        if (drillDownTerms) {
            return new SortedSetDocValuesFacetField(dim, value);
        }
        return shared(facets, dim, value, v -> facetField(dim, v));
    }

    private static IndexableField shared(Map<String, Made> made, String slot, String value, Function<String, IndexableField> make) {
        Made last = made.get(slot);
        if (last != null && last.value().equals(value)) {
            return last.field();
        }
        IndexableField field = make.apply(value);
        made.put(slot, new Made(value, field));
        return field;
    }

    /**
     * What Lucene's {@code FacetsConfig.build} makes of a {@code SortedSetDocValuesFacetField} of a flat dimension
     * without drill-down terms ({@link PassageSchema#facetsConfig()}): the path as one sorted-set doc value in the
     * default facet field, which facet counting reads. Made here so that a document's values are made once for
     * all its passages; {@code FacetCounterTest} checks the counts against Lucene's own counting.
     */
    static IndexableField facetField(String dim, String value) {
        FacetField.verifyLabel(dim);
        FacetField.verifyLabel(value);
        return new SortedSetDocValuesField(FacetsConfig.DEFAULT_INDEX_FIELD_NAME, new BytesRef(FacetsConfig.pathToString(dim, value)));
    }
}
