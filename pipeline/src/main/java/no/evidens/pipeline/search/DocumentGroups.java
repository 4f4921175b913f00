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
        Map<DocumentKey, List<SearchHit>> byDoc = new LinkedHashMap<>();
        for (SearchHit h : hits) {
            byDoc.computeIfAbsent(new DocumentKey(h.caseId(), h.docId()), k -> new ArrayList<>()).add(h);
        }
        int from = Math.min(offset, byDoc.size());
        int to = Math.min(byDoc.size(), from + limit);
        // Only the page's documents are made into groups; the others are counted.
        List<Group> page = new ArrayList<>(to - from);
        int rank = 0;
        for (List<SearchHit> in : byDoc.values()) {
            if (rank >= to) {
                break;
            }
            if (rank++ >= from) {
                SearchHit best = in.get(0);
                page.add(new Group(best.docId(), best.caseId(), best.file(), best.title(), best.type(), in.size(), best.score(),
                        List.copyOf(in.subList(0, Math.min(PASSAGES_PER_DOCUMENT, in.size())))));
            }
        }
        return new DocumentGroups(List.copyOf(page), byDoc.size(), hits.size() >= allHits);
    }

    /** A document by its case and id (compared as they are: no key string made per hit). */
    private record DocumentKey(String caseId, String docId) {
    }

    /** The passages shown on this page, document by document. */
    public List<SearchHit> shownHits() {
        return documents.stream().flatMap(g -> g.passages().stream()).toList();
    }
}
