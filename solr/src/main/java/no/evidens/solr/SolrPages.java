package no.evidens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * Every entry a query finds, in its sort order, however many: asked {@value #PAGE} at a time with Solr's cursorMark, its
 * own way to read a whole result set (each request goes on after the last sort value answered, with no growing offset for
 * every shard to skip; the unique key breaks ties). Not the {@code /export} handler: it returns only fields with doc
 * values, and a passage's text is stored only. Before round 50 (b) these lists stopped at the first 10,000 unsaid.
 */
final class SolrPages {
    /** How many entries one request asks for, unless {@link #PAGE_PROPERTY} says otherwise; a longer list takes more requests. */
    static final int PAGE = 10_000;
    /**
     * A system property: how many entries one request of a list asks for, a whole number over 0, read as each list is
     * asked (an operator's choice, as for nodes short of memory; the cluster tests use a small one, so that a list of more
     * than one page is a few thousand entries long, not tens of thousands). Unset or unreadable: {@link #PAGE}.
     */
    static final String PAGE_PROPERTY = "evidens.solr.page-entries";

    /** One request to the collection. */
    @FunctionalInterface
    interface Ask {
        QueryResponse query(SolrQuery q) throws IOException;
    }

    private SolrPages() {
    }

    /** All that {@code q} finds (its rows and cursor set here; its sort kept, the unique key added to it). */
    static List<SolrDocument> all(SolrQuery q, Ask ask) throws IOException {
        List<SolrDocument> out = new ArrayList<>();
        each(q, ask, out::addAll);
        return out;
    }

    /** One page of entries, as it is answered. */
    @FunctionalInterface
    interface Page {
        void take(List<SolrDocument> page) throws IOException;
    }

    /** What {@link #all} finds, a page at a time, none kept here: a list too long to hold (every document of an archive). */
    static void each(SolrQuery q, Ask ask, Page page) throws IOException {
        int rows = rows(System.getProperty(PAGE_PROPERTY));
        q.setRows(rows);
        String sort = q.get(CommonParams.SORT);
        q.set(CommonParams.SORT, (sort == null || sort.isBlank() ? "" : sort + ",") + SolrFields.UID + " asc");
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse r = ask.query(q);
            page.take(r.getResults());
            String next = r.getNextCursorMark();
            // a short page is the last; else the cursor stays where it was once nothing more is left
            if (r.getResults().size() < rows || next == null || next.equals(cursor)) {
                return;
            }
            cursor = next;
        }
    }

    /** The entries one request asks for that a setting of {@link #PAGE_PROPERTY} gives: {@link #PAGE} when unset or not a whole number over 0. */
    static int rows(String setting) {
        return SolrNodes.wholeSetting(setting).orElse(PAGE);
    }
}
