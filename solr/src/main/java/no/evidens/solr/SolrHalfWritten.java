package no.evidens.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrDocument;

import no.evidens.index.PassageSchema;

/**
 * The documents with a marker in the collection ({@link SolrFields#pending}: a large document being written, or left
 * half-written by a cluster that went away: some of its passages and pieces, no entry), and the deletion of those left.
 * Such a document is kept out of search until its file is ingested again; a file never ingested again (taken out of its
 * bundle) would keep its marker and its passages for good, so the administrator deletes them ({@code evidens solr
 * clean-half-written}). A marker holds when its writing began (since round 52), and only those older than the {@link
 * HalfWrittenRule}'s age are deleted: a document being written now is spared.
 */
public final class SolrHalfWritten implements AutoCloseable {
    private final SolrNodes nodes;
    private final String collection;

    public SolrHalfWritten(SolrTarget target) {
        this.nodes = new SolrNodes(target);
        this.collection = target.collection();
    }

    /** What a cleaning deleted (or, in a dry run, would delete) and what it left alone, each sorted by key. */
    public record Cleaning(List<HalfWritten> deleted, List<HalfWritten> young, List<HalfWritten> ageUnknown) {
    }

    /** The half-written documents, of the case or of every case, sorted by {@code case/docId}. */
    public List<HalfWritten> list(String caseId) throws IOException {
        SolrQuery q = SolrSearches.pending();
        q.setFields(PassageSchema.CASE, PassageSchema.DOC, SolrFields.MARKER_SINCE, SolrFields.MARKER_WRITER);
        if (caseId != null) {
            q.addFilterQuery("{!term f=" + PassageSchema.CASE + "}" + caseId);
        }
        List<HalfWritten> out = new ArrayList<>();
        for (SolrDocument d : SolrPages.all(q, r -> nodes.query(r, collection))) {
            out.add(SolrFields.halfWritten(d));
        }
        return out.stream().sorted(Comparator.comparing(HalfWritten::key)).toList();
    }

    /** The one whose writing began first, of those whose marker holds a time. */
    public static Optional<HalfWritten> oldest(List<HalfWritten> docs) {
        return docs.stream().filter(d -> d.since() != null).min(Comparator.comparing(HalfWritten::since));
    }

    /**
     * Deletes every entry of the half-written documents (of the case, or all) that {@code rule} deletes at {@code now}, by
     * their key, and commits; with {@code dryRun} only tells them.
     */
    public Cleaning clean(String caseId, HalfWrittenRule rule, Instant now, boolean dryRun) throws IOException {
        List<HalfWritten> old = new ArrayList<>();
        List<HalfWritten> young = new ArrayList<>();
        List<HalfWritten> unknown = new ArrayList<>();
        for (HalfWritten d : list(caseId)) {
            if (rule.deletes(d, now)) {
                old.add(d);
            } else if (rule.of(d, now) == HalfWrittenRule.Verdict.YOUNG) {
                young.add(d);
            } else {
                unknown.add(d);
            }
        }
        if (!dryRun && !old.isEmpty()) {
            UpdateRequest delete = new UpdateRequest();
            old.forEach(d -> delete.deleteByQuery("{!term f=" + PassageSchema.DOC_KEY + "}" + d.key()));
            delete.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true);
            nodes.request(delete, collection);
        }
        return new Cleaning(List.copyOf(old), List.copyOf(young), List.copyOf(unknown));
    }

    @Override
    public void close() throws IOException {
        nodes.close();
    }
}
