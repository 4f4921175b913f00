package no.evidens.pipeline.findings;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.findings.EvidenceDraft;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexedDocument;
import no.evidens.index.SearchHit;
import no.evidens.pipeline.Refusal;

/**
 * Turns an {@link AttachRequest} into an evidence item with its citation, checked against the index:
 * the passage exists in the case, the span lies inside it (or inside the run of passages up to a later
 * one of the same document, or anywhere in the document when the span was chosen in its text), and the
 * quotation is exactly the document's text there.
 */
final class EvidenceResolver {
    private final EvidenceIndex index;
    private final Receipts receipts;

    EvidenceResolver(EvidenceIndex index, Receipts receipts) {
        this.index = index;
        this.receipts = receipts;
    }

    EvidenceDraft resolve(AttachRequest r) throws IOException {
        SearchHit first = passage(r.caseId(), r.passageId());
        SearchHit last = first;
        if (r.throughPassageId() != null && !r.throughPassageId().equals(r.passageId())) {
            last = passage(r.caseId(), r.throughPassageId());
            if (!last.docId().equals(first.docId())) {
                throw new Refusal("attach.across-documents", "a quotation runs across passages of one document only: "
                        + r.passageId() + " and " + r.throughPassageId() + " are in different documents", r.passageId(), r.throughPassageId());
            }
            if (number(last.passageId()) <= number(first.passageId())) {
                throw new Refusal("attach.through-before", "passage " + r.throughPassageId() + " does not come after " + r.passageId(),
                        r.throughPassageId(), r.passageId());
            }
        }
        IndexedDocument doc = index.document(r.caseId(), first.docId())
                .orElseThrow(() -> new IllegalStateException("the index has passage " + r.passageId() + " but not its document"));
        int from = r.anySpan() ? 0 : first.start();
        int to = r.anySpan() ? doc.text().length() : last.end();
        String where = r.anySpan() ? "document " + doc.docId()
                : last == first ? "passage " + first.passageId() : "passages " + first.passageId() + " to " + last.passageId();
        int start;
        int end;
        if (r.quote() != null) {
            if (r.start() != null || r.end() != null) {
                throw new Refusal("attach.quote-and-span", "give the quotation either as --quote or as --start/--end, not both");
            }
            int[] span = find(doc.text(), from, to, r.quote());
            if (span == null) {
                throw new Refusal("attach.quote-not-found", "the quotation is not in " + where + ": copy it exactly from the passage", where);
            }
            start = span[0];
            end = span[1];
        } else {
            start = r.start() == null ? from : r.start();
            end = r.end() == null ? to : r.end();
            if (start < from || end > to || start >= end) {
                throw new Refusal(r.anySpan() ? "attach.span-outside-document" : "attach.span-outside",
                        "span " + start + "–" + end + " is outside " + where
                        + " (characters " + from + "–" + to + ")", start, end, from, to);
            }
        }
        String quote = doc.text().substring(start, end);
        if (quote.isBlank()) {
            throw new Refusal("attach.span-no-words", "span " + start + "–" + end + " holds no words", start, end);
        }
        String bundle = receipts.bundleOf(r.caseId(), doc.file(), doc.sha256()).orElse(null);
        return new EvidenceDraft(first.passageId(), last.passageId(), doc.docId(), start, end, quote, doc.title(), doc.file(),
                doc.type(), pageOf(doc.pageStarts(), start), pageOf(doc.pageStarts(), end - 1), doc.sha256(), bundle, r.stance(),
                r.note(), r.provenance(), doc.normaliserVersion());
    }

    private SearchHit passage(String caseId, String passageId) throws IOException {
        number(passageId);
        SearchHit p = index.passage(passageId).orElseThrow(() -> new Refusal("attach.unknown-passage",
                "unknown passage " + passageId + ": find passage ids with evidens search --json", passageId));
        if (!p.caseId().equals(caseId)) {
            throw new Refusal("attach.other-case", "passage " + passageId + " belongs to case " + p.caseId() + ", not " + caseId,
                    passageId, p.caseId(), caseId);
        }
        return p;
    }

    /**
     * The passage's number within its document: the last part of {@code case/docId/n}.
     *
     * @throws IllegalArgumentException when the id is not of that shape
     */
    static int number(String passageId) {
        int slash = passageId.lastIndexOf('/');
        if (slash < 0 || passageId.indexOf('/') == slash) {
            throw new Refusal("attach.not-passage-id", "'" + passageId + "' is not a passage id: it looks like case/docId/n (see: evidens search --json)",
                    passageId);
        }
        try {
            return Integer.parseInt(passageId.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new Refusal("attach.not-passage-id", "'" + passageId + "' is not a passage id: it ends in the passage's number", passageId);
        }
    }

    /** The first place the words stand in {@code text[from, to)}: exactly, else with any run of spaces between them. */
    static int[] find(String text, int from, int to, String words) {
        String w = words.strip();
        if (w.isEmpty()) {
            return null;
        }
        String region = text.substring(from, to);
        int i = region.indexOf(w);
        if (i >= 0) {
            return new int[] {from + i, from + i + w.length()};
        }
        String[] parts = w.split("\\s+");
        StringBuilder re = new StringBuilder();
        for (String part : parts) {
            if (re.length() > 0) {
                re.append("\\s+");
            }
            re.append(Pattern.quote(part));
        }
        Matcher m = Pattern.compile(re.toString()).matcher(region);
        return m.find() ? new int[] {from + m.start(), from + m.end()} : null;
    }

    /** The page (from 1) that holds the character at {@code offset}. */
    static int pageOf(List<Integer> pageStarts, int offset) {
        int page = 1;
        for (int i = 0; i < pageStarts.size(); i++) {
            if (pageStarts.get(i) <= offset) {
                page = i + 1;
            }
        }
        return page;
    }
}
