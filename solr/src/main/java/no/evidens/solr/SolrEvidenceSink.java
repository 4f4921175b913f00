package no.evidens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrInputDocument;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.PassageSchema;

/**
 * Writes documents and their passages to the SolrCloud collection: whole documents (a document with its
 * passages) gathered into batches of about {@value #BATCH_ENTRIES} entries, each batch one update request;
 * a commit sends what is gathered and makes it visible, as the embedded writer's commit does. Thread-safe.
 */
public final class SolrEvidenceSink implements EvidenceSink {
    static final int BATCH_ENTRIES = 500;

    private final SolrNodes nodes;
    private final boolean ownsNodes;
    private final String collection;
    /** Whole documents not sent yet. */
    private List<SolrInputDocument> batch = new ArrayList<>();
    /**
     * A batch that could not be sent: it held documents of other files, whose adds had already returned,
     * so the commit fails rather than let their receipts say they are in the index.
     */
    private volatile IOException lost;
    /** case/sha256 of every file written through this sink (committed or not), for {@link #contains}. */
    private final Set<String> written = ConcurrentHashMap.newKeySet();

    /** A sink on the collection at {@code target}; it closes its connection with itself. */
    public SolrEvidenceSink(SolrTarget target) {
        this(new SolrNodes(target), true);
    }

    SolrEvidenceSink(SolrNodes nodes, boolean ownsNodes) {
        this.nodes = nodes;
        this.ownsNodes = ownsNodes;
        this.collection = nodes.target().collection();
    }

    @Override
    public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
        List<SolrInputDocument> block = SolrFields.block(doc, passages);
        written.add(doc.caseId() + "/" + doc.sha256());
        List<SolrInputDocument> full = null;
        synchronized (this) {
            batch.addAll(block);
            if (batch.size() >= BATCH_ENTRIES) {
                full = batch;
                batch = new ArrayList<>();
            }
        }
        if (full != null) {
            send(full);
        }
    }

    @Override
    public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
        // Entries of an earlier copy that the new one lacks would stay; the rest the unique key replaces.
        UpdateRequest delete = new UpdateRequest();
        delete.deleteByQuery("{!term f=" + PassageSchema.DOC_KEY + "}" + SolrFields.docKey(doc.caseId(), doc.docId()));
        nodes.request(delete, collection);
        written.add(doc.caseId() + "/" + doc.sha256());
        send(SolrFields.block(doc, passages));
    }

    private void send(List<SolrInputDocument> entries) throws IOException {
        UpdateRequest update = new UpdateRequest();
        update.add(entries);
        try {
            nodes.request(update, collection);
        } catch (IOException | RuntimeException e) {
            lost = new IOException("a batch of " + entries.size() + " index entries was not stored: " + e.getMessage(), e);
            throw e;
        }
    }

    @Override
    public boolean contains(String caseId, String sha256) throws IOException {
        if (written.contains(caseId + "/" + sha256)) {
            return true;
        }
        SolrQuery q = new SolrQuery("*:*").setRows(0)
                .addFilterQuery("{!term f=" + PassageSchema.KIND + "}" + PassageSchema.KIND_DOCUMENT)
                .addFilterQuery("{!term f=" + PassageSchema.CASE + "}" + caseId)
                .addFilterQuery("{!term f=" + PassageSchema.SHA256 + "}" + sha256);
        return new QueryResponse(nodes.request(new QueryRequest(q), collection), null).getResults().getNumFound() > 0;
    }

    @Override
    public void commit() throws IOException {
        List<SolrInputDocument> rest;
        synchronized (this) {
            rest = batch;
            batch = new ArrayList<>();
        }
        if (!rest.isEmpty()) {
            send(rest);
        }
        if (lost != null) {
            throw lost;
        }
        UpdateRequest commit = new UpdateRequest();
        commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        nodes.request(commit, collection);
    }

    /** Sends and commits what is gathered (as closing the embedded writer commits), then disconnects. */
    @Override
    public void close() throws IOException {
        boolean pending;
        synchronized (this) {
            pending = !batch.isEmpty();
        }
        try {
            if (pending) {
                commit();
            }
        } finally {
            if (ownsNodes) {
                nodes.close();
            }
        }
    }
}
