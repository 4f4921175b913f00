package no.evidens.index;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** The facet side of search: filters as drill-down queries, and the counts per dimension. */
final class FacetFilters {
    static final FacetsConfig CONFIG = PassageSchema.facetsConfig();
    /** How many values of one dimension are counted and reported. */
    static final int TOP_VALUES = 100;
    /**
     * Every case is counted, not only the top {@link #TOP_VALUES}: a nationwide audit groups over a hundred
     * municipalities' cases, and its overview and its kommune/fylke facets are read from these counts.
     */
    static final int CASE_VALUES = 10_000;

    /** How many values of {@code dim} are counted and reported. */
    static int topValues(String dim) {
        return PassageSchema.CASE.equals(dim) ? CASE_VALUES : TOP_VALUES;
    }

    private FacetFilters() {
    }

    /**
     * The base query narrowed by the filters: values of one dimension are alternatives (any of them),
     * dimensions all apply. A filter matches the indexed field, so values may be written in any case,
     * as in the query language ({@code type:Journal}).
     */
    static DrillDownQuery drillDown(Query base, Map<String, List<String>> filters) {
        DrillDownQuery q = new DrillDownQuery(CONFIG, base);
        filters.forEach((dim, values) -> {
            for (String value : values) {
                q.add(dim, new TermQuery(term(dim, value.strip())));
            }
        });
        return q;
    }

    /**
     * The passages that have any of {@code values} in dimension {@code dim}: what {@link #drillDown} requires of
     * that dimension (the same terms, any of them), as a query of its own.
     */
    static Query anyOf(String dim, List<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(new TermQuery(term(dim, value.strip())), BooleanClause.Occur.SHOULD);
        }
        return new ConstantScoreQuery(any.build());
    }

    private static Term term(String dim, String value) {
        return switch (dim) {
            case PassageSchema.CASE -> new Term(PassageSchema.CASE, value);
            case PassageSchema.INDICATOR -> new Term(PassageSchema.INDICATOR_QUERY, value.toLowerCase(Locale.ROOT));
            default -> new Term(dim, value.toLowerCase(Locale.ROOT));
        };
    }

    /** Counts per dimension from {@code facets} (null: no facets in the index yet, every dimension empty). */
    static Map<String, Map<String, Integer>> counts(Facets facets) throws IOException {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String dim : PassageSchema.FACET_DIMS) {
            Map<String, Integer> values = new LinkedHashMap<>();
            FacetResult fr = facets == null ? null : topChildren(facets, dim);
            if (fr != null) {
                for (LabelAndValue lv : fr.labelValues) {
                    values.put(lv.label, lv.value.intValue());
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    private static FacetResult topChildren(Facets facets, String dim) throws IOException {
        try {
            return facets.getTopChildren(topValues(dim), dim);
        } catch (IllegalArgumentException dimensionNotIndexedYet) {
            return null;
        }
    }
}
