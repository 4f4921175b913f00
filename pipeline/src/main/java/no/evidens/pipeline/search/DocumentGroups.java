package no.evidens.pipeline.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import no.evidens.index.SearchHit;

/**
 * Hits grouped by the document they stand in: the documents in the order of their best passage, each
 * with how many of the hits it holds and its best few passages, so one plan cannot fill a page alone.
 *
 * @param documents the page of documents asked for
 * @param total     how many documents hold a hit (among the hits grouped)
 * @param exact     whether every hit of the search was grouped (else the counts are of the best hits only)
 */
public record DocumentGroups(List<Group> documents, int total, boolean exact) {
    /** How many passages of one document are shown under it. */
    public static final int PASSAGES_PER_DOCUMENT = 3;

    /**
     * One document and its hits.
     *
     * @param hits     how many passages of it matched (of those grouped)
     * @param passages its best passages, best first
     */
    public record Group(String docId, @JsonProperty("case") String caseId, String file, String title, String type,
                        int hits, float bestScore, List<SearchHit> passages) {
    }

    /**
     * Groups {@code hits} (best first) and returns the documents from {@code offset}, at most {@code limit}.
     *
     * @param allHits how many hits the search has in all (to say whether the grouping saw every one)
     */
    public static DocumentGroups of(List<SearchHit> hits, long allHits, int offset, int limit) {
        Map<String, List<SearchHit>> byDoc = new LinkedHashMap<>();
        for (SearchHit h : hits) {
            byDoc.computeIfAbsent(h.caseId() + "/" + h.docId(), k -> new ArrayList<>()).add(h);
        }
        List<Group> all = new ArrayList<>(byDoc.size());
        for (List<SearchHit> in : byDoc.values()) {
            SearchHit best = in.get(0);
            all.add(new Group(best.docId(), best.caseId(), best.file(), best.title(), best.type(), in.size(), best.score(),
                    List.copyOf(in.subList(0, Math.min(PASSAGES_PER_DOCUMENT, in.size())))));
        }
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + limit);
        return new DocumentGroups(List.copyOf(all.subList(from, to)), all.size(), hits.size() >= allHits);
    }

    /** The passages shown on this page, document by document. */
    public List<SearchHit> shownHits() {
        return documents.stream().flatMap(g -> g.passages().stream()).toList();
    }
}
