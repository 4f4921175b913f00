package no.evidens.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;

import no.evidens.index.IndexedDocument;
import no.evidens.index.NoIndexException;
import no.evidens.index.PassageSchema;

/**
 * Rewrites the documents stored before round 51 (the whole text in the document's entry, no pieces) into the layout the
 * writer uses now: the text's pieces ({@link SolrFields#pieces}), then the entry with the text's length and no text. The
 * reader tells the layouts apart by the entry alone (text in it, or a length), so each document is read whole at every
 * moment: its pieces are written and committed first (the old entry still holds the text, and the reader does not look
 * at them), and only then the entry is rewritten, which drops the old single value (its space is given back as Solr
 * merges its segments). A run stopped at any point leaves each document in one layout or the other, and a run again
 * finds the entries still old (those with no length) and goes on. The characters and their offsets are the same: the
 * entry and its pieces are made from the text read back by the code that writes a new document. Run it while no
 * ingestion writes to the collection (a document replaced meanwhile could get the older text's pieces).
 */
public final class SolrTextUpgrade implements AutoCloseable {

    /** About the most characters of text written between two commits (and in one update request). */
    static final long GROUP_CHARS = SolrEvidenceSink.BATCH_CHARS;
    /** The most documents written between two commits. */
    static final int GROUP_DOCUMENTS = 200;

    /**
     * What a run did.
     *
     * @param documents   the documents' entries looked at (of the case, or all)
     * @param alreadyInPieces those already in pieces (written by round 51 or later, or by an earlier run)
     * @param upgraded    those rewritten into pieces by this run
     * @param pieces      the pieces written
     * @param characters  the characters of text those hold
     * @param failed      the documents Solr refused to store in pieces, each as {@code case/doc: why} (left as they were)
     */
    public record Outcome(long documents, long alreadyInPieces, long upgraded, long pieces, long characters, List<String> failed) {
    }

    /** Told after each group of documents is committed. */
    @FunctionalInterface
    public interface Progress {
        void done(long upgraded, long toDo);
    }

    private final SolrNodes nodes;
    private final String collection;

    public SolrTextUpgrade(SolrTarget target) {
        this.nodes = new SolrNodes(target);
        this.collection = target.collection();
    }

    private QueryResponse query(SolrQuery q) throws IOException {
        return nodes.query(q, collection);
    }

    /** The documents of {@code caseId} (every case when null) still in the old layout, as [case, doc]. */
    List<String[]> oldDocuments(String caseId, long[] seen) throws IOException {
        SolrQuery q = new SolrQuery("*:*");
        q.addFilterQuery(SolrSearches.term(PassageSchema.KIND, PassageSchema.KIND_DOCUMENT));
        if (caseId != null) {
            q.addFilterQuery(SolrSearches.term(PassageSchema.CASE, caseId));
        }
        // The length is stored only (not indexed): an old entry is told by its absence, read from each entry. Reading it
        // from an old entry decompresses that entry's text on the node once, as the upgrade reads it anyway.
        q.setFields(PassageSchema.CASE, PassageSchema.DOC, PassageSchema.END);
        List<String[]> out = new ArrayList<>();
        SolrPages.each(q, this::query, page -> {
            for (SolrDocument d : page) {
                seen[0]++;
                if (d.getFirstValue(PassageSchema.END) == null) {
                    out.add(new String[] {String.valueOf(d.getFirstValue(PassageSchema.CASE)), String.valueOf(d.getFirstValue(PassageSchema.DOC))});
                }
            }
        });
        return out;
    }

    /**
     * Upgrades the documents of {@code caseId} (every case when null).
     *
     * @throws NoIndexException when the collection is not there
     * @throws IOException when the cluster does not answer: what is committed stays, a run again goes on from there
     */
    public Outcome run(String caseId, Progress progress) throws IOException {
        if (!nodes.hasCollection()) {
            throw new NoIndexException("SolrCloud " + nodes.target() + " (run evidens solr init first)");
        }
        long[] seen = {0};
        List<String[]> toDo = oldDocuments(caseId, seen);
        progress.done(0, toDo.size());
        long upgraded = 0;
        long pieces = 0;
        long characters = 0;
        List<String> failed = new ArrayList<>();
        List<IndexedDocument> group = new ArrayList<>();
        long groupChars = 0;
        for (int i = 0; i < toDo.size(); i++) {
            String[] key = toDo.get(i);
            List<SolrDocument> found = query(SolrSearches.document(key[0], key[1])).getResults();
            if (!found.isEmpty() && found.get(0).getFirstValue(PassageSchema.DOC_TEXT) != null) {
                found.get(0).removeFields("_version_");
                IndexedDocument doc = SolrFields.toIndexedDocument(found.get(0));
                group.add(doc);
                groupChars += doc.text().length();
            }
            if (!group.isEmpty() && (groupChars >= GROUP_CHARS || group.size() >= GROUP_DOCUMENTS || i == toDo.size() - 1)) {
                for (IndexedDocument doc : write(group, failed)) {
                    upgraded++;
                    pieces += SolrFields.pieces(doc).count();
                    characters += doc.text().length();
                }
                group.clear();
                groupChars = 0;
                progress.done(upgraded + failed.size(), toDo.size());
            }
        }
        return new Outcome(seen[0], seen[0] - toDo.size(), upgraded, pieces, characters, List.copyOf(failed));
    }

    /**
     * The group's pieces, committed; then their entries without the text, committed: the documents whose pieces Solr took.
     * A document whose pieces Solr refuses keeps its old entry (its pieces taken are not read, and the next run writes
     * them again).
     */
    private List<IndexedDocument> write(List<IndexedDocument> group, List<String> failed) throws IOException {
        List<IndexedDocument> pieced = new ArrayList<>();
        for (IndexedDocument doc : group) {
            try {
                UpdateRequest update = new UpdateRequest();
                long chars = 0;
                for (SolrInputDocument piece : (Iterable<SolrInputDocument>) SolrFields.pieces(doc)::iterator) {
                    if (chars > 0 && chars + SolrFields.PIECE > GROUP_CHARS) {
                        nodes.request(update, collection);
                        update = new UpdateRequest();
                        chars = 0;
                    }
                    update.add(piece);
                    chars += SolrFields.PIECE;
                }
                if (chars > 0) {
                    nodes.request(update, collection);
                }
                pieced.add(doc);
            } catch (SolrException refused) {
                failed.add(doc.caseId() + "/" + doc.docId() + ": " + refused.getMessage());
            }
        }
        commit();
        if (!pieced.isEmpty()) {
            UpdateRequest entries = new UpdateRequest();
            pieced.forEach(doc -> entries.add(SolrFields.document(doc)));
            nodes.request(entries, collection);
            commit();
        }
        return pieced;
    }

    private void commit() throws IOException {
        UpdateRequest commit = new UpdateRequest();
        commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
        nodes.request(commit, collection);
    }

    @Override
    public void close() throws IOException {
        nodes.close();
    }
}
