package no.evidens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrDocument;

import no.evidens.index.PassageSchema;

/**
 * The documents left half-written in the collection (the cluster gone while a large document was written: its marker
 * {@link SolrFields#pending}, some of its passages and pieces, no entry), and their deletion. Such a document is kept out
 * of search until its file is ingested again; a file never ingested again (taken out of its bundle) would keep its marker
 * and its passages for good, so the administrator deletes them ({@code evidens solr clean-half-written}), while no
 * ingestion writes to the collection: a document being written has a marker too.
 */
public final class SolrHalfWritten implements AutoCloseable {
    private final SolrNodes nodes;
    private final String collection;

    public SolrHalfWritten(SolrTarget target) {
        this.nodes = new SolrNodes(target);
        this.collection = target.collection();
    }

    /** The half-written documents, of the case or of every case, as {@code case/docId}, sorted. */
    public List<String> list(String caseId) throws IOException {
        SolrQuery q = SolrSearches.pending();
        if (caseId != null) {
            q.addFilterQuery("{!term f=" + PassageSchema.CASE + "}" + caseId);
        }
        List<String> out = new ArrayList<>();
        for (SolrDocument d : SolrPages.all(q, r -> new QueryResponse(nodes.request(new QueryRequest(r, SolrRequest.METHOD.POST),
                collection), null))) {
            out.add(SolrFields.docKey(String.valueOf(d.getFirstValue(PassageSchema.CASE)), String.valueOf(d.getFirstValue(PassageSchema.DOC))));
        }
        return out.stream().sorted().toList();
    }

    /** Deletes every entry of the half-written documents (of the case, or all) by their key, commits, and names them. */
    public List<String> delete(String caseId) throws IOException {
        List<String> keys = list(caseId);
        if (!keys.isEmpty()) {
            UpdateRequest delete = new UpdateRequest();
            keys.forEach(k -> delete.deleteByQuery("{!term f=" + PassageSchema.DOC_KEY + "}" + k));
            delete.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
            nodes.request(delete, collection);
        }
        return keys;
    }

    @Override
    public void close() throws IOException {
        nodes.close();
    }
}
