package no.evidens.pipeline.findings;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.Provenance;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.Refusal;

/**
 * Turns what a person asks to attach (a passage, a search hit, a span of a document) into an evidence
 * item with its citation, checked against the index; nothing is written.
 */
final class Quotations {
    /** How far either side of a span its passages are looked for first: a few passages. */
    static final int AROUND = 20_000;

    private final SearcherSource index;
    private final Receipts receipts;

    Quotations(SearcherSource index, Receipts receipts) {
        this.index = index;
        this.receipts = receipts;
    }

    EvidenceDraft resolve(String caseId, Attachment a) throws IOException {
        try (SearcherSource.Lease lease = index.lease()) {
            EvidenceIndex s = lease.searcher();
            String passageId;
            String through = a.through();
            Provenance provenance = a.provenance();
            boolean anySpan = false;
            if (a.source() instanceof Attachment.Search q) {
                passageId = hit(s, caseId, q).passageId();
                Map<String, String> filters = new LinkedHashMap<>();
                filters.put("case", caseId);
                if (q.type() != null) {
                    filters.put("type", q.type());
                }
                provenance = new Provenance(q.query(), filters);
            } else if (a.source() instanceof Attachment.Span d) {
                String[] ids = spanPassages(s, caseId, d.docId(), a.start(), a.end());
                passageId = ids[0];
                through = ids[1].equals(ids[0]) ? null : ids[1];
                anySpan = true;
            } else {
                passageId = ((Attachment.Passage) a.source()).passageId();
            }
            return new EvidenceResolver(s, receipts).resolve(new AttachRequest(caseId, passageId, through, a.start(), a.end(),
                    a.quote(), a.stance(), a.note(), provenance, anySpan));
        }
    }

    /** Hit {@code q.hit()} (from 1) of the search in the case. */
    private static SearchHit hit(EvidenceIndex s, String caseId, Attachment.Search q) throws IOException {
        SearchResult r = s.search(new SearchRequest(q.query(), caseId, q.type(), Math.max(1, q.hit())));
        if (q.hit() < 1 || r.hits().size() < q.hit()) {
            throw new Refusal("attach.no-such-hit", "the search " + q.query() + " has " + r.hits().size()
                    + " hit" + (r.hits().size() == 1 ? "" : "s") + " in case " + caseId + ", not a hit " + q.hit(),
                    q.query(), r.hits().size(), caseId, q.hit());
        }
        return r.hits().get(q.hit() - 1);
    }

    /**
     * The passages of the document that a span starts and ends in. A span may hold text that no passage
     * holds (a heading is context for the passage under it, not a passage): a span starting in such a gap
     * is placed at the next passage, one ending in a gap at the passage before, and a span wholly in a gap
     * at the passage it heads (else the one before it).
     */
    static String[] spanPassages(EvidenceIndex s, String caseId, String docId, Integer start, Integer end)
            throws IOException {
        if (start == null || end == null) {
            throw new Refusal("attach.span-missing", "with docId, give the span's start and end (document offsets)");
        }
        if (start < 0 || end <= start) {
            throw new Refusal("attach.span-empty", "the span " + start + "–" + end + " is empty or negative", start, end);
        }
        return place(passagesAround(s, caseId, docId, start, end), start, end).orElseThrow(() -> new Refusal("attach.span-outside-passages",
                "the span " + start + "–" + end + " is not in any passage of document " + docId + " in case " + caseId,
                start, end, docId, caseId));
    }

    /**
     * The passages starting near a span, in order, among them those that place it ({@link #place}): the one it starts in
     * or the one before, and the first that ends after its start (none when the document has no such passage). Asked
     * {@value #AROUND} characters either side, then twice as far, until they are there: not the whole document's list,
     * which SolrCloud cuts at 10,000 passages (a span 12 million characters into a log was placed at passage 9,999).
     */
    static List<SearchHit> passagesAround(EvidenceIndex s, String caseId, String docId, int start, int end) throws IOException {
        for (long reach = AROUND; ; reach *= 2) {
            int from = (int) Math.max(0, start - reach);
            int to = (int) Math.min(Integer.MAX_VALUE, end + reach);
            List<SearchHit> found = s.passagesIn(caseId, docId, from, to);
            boolean before = from == 0 || found.stream().anyMatch(p -> p.start() <= start);
            boolean after = to == Integer.MAX_VALUE || found.stream().anyMatch(p -> p.end() > start);
            if (before && after) {
                return found;
            }
        }
    }

    /** {@link #spanPassages} over the document's passages in order; empty when the document has none. */
    static Optional<String[]> place(List<SearchHit> passages, int start, int end) {
        if (passages.isEmpty()) {
            return Optional.empty();
        }
        SearchHit first = null;
        SearchHit last = null;
        for (SearchHit h : passages) {
            if (first == null && start < h.end()) {
                first = h;
            }
            if (h.start() < end) {
                last = h;
            }
        }
        if (first == null) {
            first = last;
        }
        if (last == null || EvidenceResolver.number(last.passageId()) < EvidenceResolver.number(first.passageId())) {
            last = first;
        }
        return Optional.of(new String[] {first.passageId(), last.passageId()});
    }
}
