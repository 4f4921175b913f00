package no.evidens.solr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;

import no.evidens.index.DocumentCap;
import no.evidens.index.PassageSchema;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;

/**
 * The Solr requests behind {@link SolrEvidenceIndex}: filters, sort orders and facets as the embedded
 * index applies them (facet filters tagged, and each dimension counted without its own filter, as Lucene's
 * DrillSideways counts), and the facet counts read back per dimension.
 */
final class SolrSearches {
    /** How many values of one dimension are counted and reported (as embedded). */
    private static final int TOP_VALUES = 100;
    /** Every case is counted, as the embedded index does (a nationwide audit's overview is read from them). */
    private static final int CASE_VALUES = 10_000;
    /** Between the values of one facet filter: a character no value holds. */
    private static final char SEPARATOR = '\u001f';
    private static final String RELEVANCE = "score desc," + PassageSchema.SORT_FILE + " asc," + PassageSchema.SORT_START + " asc";
    private static final String IN_DOCUMENT_ORDER = PassageSchema.SORT_FILE + " asc," + PassageSchema.SORT_START + " asc";
    private static final String BY_DATE = PassageSchema.SORT_DATE + " asc," + IN_DOCUMENT_ORDER;
    private static final String BY_START = PassageSchema.SORT_START + " asc";

    static String term(String field, String value) {
        return "{!term f=" + field + "}" + value;
    }

    /** The search for a request: every word required, or ({@code anyWord}) any word enough. */
    SolrQuery search(SearchRequest request, boolean anyWord) {
        SolrQuery q = new SolrQuery("{!evidens" + (anyWord ? " op=OR" : "") + " v=$qq}");
        q.set("qq", request.query());
        q.addFilterQuery(SolrEvidenceIndex.passagesOnly());
        if (request.caseId() != null) {
            q.addFilterQuery(term(PassageSchema.CASE, request.caseId()));
        }
        if (request.type() != null) {
            q.addFilterQuery(term(PassageSchema.TYPE, request.type().toLowerCase(Locale.ROOT)));
        }
        // the passages of earlier versions left out: the same documents' key as the embedded index excludes
        leaveOut(q, request.leftOut());
        request.filters().forEach((dim, values) -> {
            String field = dim.equals(PassageSchema.INDICATOR) ? PassageSchema.INDICATOR_QUERY : dim;
            List<String> terms = values.stream()
                    .map(v -> dim.equals(PassageSchema.CASE) ? v.strip() : v.strip().toLowerCase(Locale.ROOT)).toList();
            String param = "fv." + SolrFields.FACET_FIELDS.get(dim);
            q.set(param, String.join(String.valueOf(SEPARATOR), terms));
            q.addFilterQuery("{!terms tag=" + SolrFields.FACET_FIELDS.get(dim) + " f=" + field + " separator='" + SEPARATOR
                    + "' v=$" + param + "}");
        });
        q.set("sort", switch (request.order()) {
            case DOCUMENT -> IN_DOCUMENT_ORDER;
            case DATE -> BY_DATE;
            case RELEVANCE -> RELEVANCE;
        });
        if (request.order() == SearchRequest.Order.RELEVANCE) {
            // the first page is capped per document over a window of the ranked list (DocumentCap), as embedded
            q.setStart(0);
            q.setRows(DocumentCap.window(request.offset(), request.limit()));
        } else {
            q.setStart(request.offset());
            q.setRows(request.limit());
        }
        q.setFields(SolrFields.SCORED_HIT_FIELDS);
        withFacets(q);
        return q;
    }

    /**
     * Leaves out the passages of these documents ({@code case/docId}): one filter on their key, which Solr caches while the
     * same documents are left out (no join: the keys are known here).
     */
    static SolrQuery leaveOut(SolrQuery q, java.util.Set<String> docKeys) {
        if (!docKeys.isEmpty()) {
            q.set("leftOut", String.join(String.valueOf(SEPARATOR), docKeys.stream().sorted().toList()));
            q.addFilterQuery("-_query_:\"{!terms f=" + PassageSchema.DOC_KEY + " separator='" + SEPARATOR + "' v=$leftOut}\"");
        }
        return q;
    }

    /**
     * The markers of documents being written, or left half-written by a cluster that went away ({@link SolrFields#pending}):
     * their case and document; a cached filter on a term, answered from the filter cache until the next commit.
     */
    static SolrQuery pending() {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(term(PassageSchema.KIND, SolrFields.KIND_PENDING));
        q.setFields(PassageSchema.CASE, PassageSchema.DOC);
        return q;
    }

    private static void withFacets(SolrQuery q) {
        q.setFacet(true);
        q.setFacetMinCount(1);
        q.setFacetLimit(TOP_VALUES);
        q.setFacetSort("count");
        q.set("f." + SolrFields.FACET_FIELDS.get(PassageSchema.CASE) + ".facet.limit", CASE_VALUES);
        for (String dim : PassageSchema.FACET_DIMS) {
            String field = SolrFields.FACET_FIELDS.get(dim);
            q.addFacetField("{!ex=" + field + " key=" + field + "}" + field);
        }
    }

    /** Counts per dimension, in {@link PassageSchema#FACET_DIMS} order, as the embedded index reports them. */
    static Map<String, Map<String, Integer>> facets(QueryResponse r) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (String dim : PassageSchema.FACET_DIMS) {
            Map<String, Integer> values = new LinkedHashMap<>();
            FacetField f = r.getFacetField(SolrFields.FACET_FIELDS.get(dim));
            if (f != null && f.getValues() != null) {
                for (FacetField.Count c : f.getValues()) {
                    values.put(c.getName(), (int) c.getCount());
                }
            }
            out.put(dim, values);
        }
        return out;
    }

    /** The passages with these ids. */
    static SolrQuery passages(List<String> ids) {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(SolrEvidenceIndex.passagesOnly());
        q.set("evidensIds", String.join(String.valueOf(SEPARATOR), ids));
        q.addFilterQuery("{!terms f=" + PassageSchema.ID + " separator='" + SEPARATOR + "' v=$evidensIds}");
        q.setRows(Math.max(1, ids.size()));
        q.setFields(SolrFields.HIT_FIELDS);
        q.set("sort", BY_START);
        return q;
    }

    /** A document's passages, in document order (rows: set by the caller, a whole list's paging or one). */
    static SolrQuery ofDocument(String caseId, String docId) {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(SolrEvidenceIndex.passagesOnly());
        q.addFilterQuery(term(PassageSchema.DOC_KEY, SolrFields.docKey(caseId, docId)));
        q.setFields(SolrFields.HIT_FIELDS);
        q.set("sort", BY_START);
        return q;
    }

    /** The passages of a document that a query matches. */
    static SolrQuery matchesIn(String caseId, String docId, String queryText) {
        SolrQuery q = ofDocument(caseId, docId);
        q.setQuery("{!evidens v=$qq}");
        q.set("qq", queryText);
        return q;
    }

    /**
     * Only the passages starting in {@code [from, to)}: a range on the start's doc values (the field is not indexed),
     * checked as a post filter on the passages the other filters leave (cache=false, cost 200), not over every entry of
     * the collection as a cached filter would be.
     */
    static SolrQuery startingIn(SolrQuery q, long from, long to) {
        q.addFilterQuery("{!frange cache=false cost=200 l=" + from + " u=" + (to - 1) + "}" + PassageSchema.SORT_START);
        return q;
    }

    /** The last passage of a document that starts at or before {@code at}, its start only. */
    static SolrQuery passageAt(String caseId, String docId, int at) {
        SolrQuery q = startingIn(ofDocument(caseId, docId), 0, at + 1L);
        q.setRows(1);
        q.setFields(PassageSchema.START);
        q.set("sort", PassageSchema.SORT_START + " desc");
        return q;
    }

    /** The whole document's entry. */
    static SolrQuery document(String caseId, String docId) {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT));
        q.addFilterQuery(term(PassageSchema.ID, caseId + "/" + docId));
        q.setRows(1);
        q.setFields("*");
        return q;
    }

    /** The name under which {@link #documentPart} answers the part ({@code TextPartTransformerFactory}). */
    static final String PART = "part";

    /**
     * A document's entry with the characters {@code [from, to)} of its text only, cut on the node by the plugin's
     * {@code [evidensPart]} transformer, and the text's length; its other stored fields as {@link #document} has them.
     */
    static SolrQuery documentPart(String caseId, String docId, int from, int to) {
        SolrQuery q = document(caseId, docId);
        q.setFields(PassageSchema.DOC, PassageSchema.CASE, PassageSchema.FILE, PassageSchema.TYPE, PassageSchema.TITLE,
                PassageSchema.SHA256, PassageSchema.MEDIA_TYPE, PassageSchema.PAGE_STARTS, PassageSchema.NORMALISER,
                PassageSchema.END, PART + ":[evidensPart from=" + from + " to=" + to + "]");
        return q;
    }

    /**
     * The pieces of a document's text ({@link SolrFields#pieces}) that hold any of the characters {@code [from, to)}, in
     * order: those starting from {@value SolrFields#PIECE} - 1 characters before {@code from} (a piece is no longer) to
     * {@code to} - 1, by the same post filter on the start's doc values as a window's passages.
     */
    static SolrQuery pieces(String caseId, String docId, long from, long to) {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(term(PassageSchema.KIND, SolrFields.KIND_PIECE));
        q.addFilterQuery(term(PassageSchema.DOC_KEY, SolrFields.docKey(caseId, docId)));
        startingIn(q, Math.max(0, from - SolrFields.PIECE + 1), Math.max(1, to));
        q.setFields(PassageSchema.START, PassageSchema.END, PassageSchema.DOC_TEXT);
        q.set("sort", PassageSchema.SORT_START + " asc");
        return q;
    }

    /**
     * Passages like {@code like} in its case, itself left out, of one document type when {@code documentType} is given:
     * the like-this query the embedded index builds ({@link SolrMoreLikeThis}), each of its words a term clause.
     */
    static SolrQuery moreLikeThis(SearchHit like, org.apache.lucene.search.BooleanQuery words, String documentType, int limit) {
        StringBuilder bool = new StringBuilder("{!bool");
        for (int i = 0; i < words.clauses().size(); i++) {
            bool.append(" should=$w").append(i);
        }
        SolrQuery q = new SolrQuery(bool.append('}').toString());
        int n = 0;
        for (org.apache.lucene.search.BooleanClause c : words.clauses()) {
            org.apache.lucene.index.Term t = ((org.apache.lucene.search.TermQuery) c.getQuery()).getTerm();
            q.set("w" + n++, term(t.field(), t.text()));
        }
        q.addFilterQuery(SolrEvidenceIndex.passagesOnly());
        q.addFilterQuery(term(PassageSchema.CASE, like.caseId()));
        if (documentType != null) {
            q.addFilterQuery(term(PassageSchema.TYPE, documentType.toLowerCase(Locale.ROOT)));
        }
        q.addFilterQuery("{!bool filter='*:*' must_not=$notSelf}");
        q.set("notSelf", term(PassageSchema.ID, like.passageId()));
        q.setRows(limit);
        q.setFields(SolrFields.SCORED_HIT_FIELDS);
        q.set("sort", RELEVANCE);
        withFacets(q);
        return q;
    }

    /**
     * How many passages there are and how many hold each of {@code words}: the statistics Lucene's
     * MoreLikeThis reads, as facet counts over the collection (each shard once).
     */
    static SolrQuery wordStatistics(java.util.List<String> words) {
        SolrQuery q = new SolrQuery("*:*").setRows(0);
        q.setFacet(true);
        q.addFacetQuery("{!term key=passages f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_PASSAGE);
        for (int i = 0; i < words.size(); i++) {
            q.addFacetQuery("{!term key=w" + i + " f=" + PassageSchema.TEXT + " v=$v" + i + "}");
            q.set("v" + i, words.get(i));
        }
        return q;
    }
}
