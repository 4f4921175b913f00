package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.index.DocumentPart;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexedDocument;
import no.evidens.index.SearchHit;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.search.MarkedDocument;

/**
 * {@code GET /api/document}: a whole document with its passages, the query's marks and its quotations; with {@code from} or
 * {@code around}, a window of its text ({@link TextWindow}) with the marks and passages in it, and the whole document's
 * length, page starts and the starts of the passages the query matches, so that a reader of a very large document asks for
 * the part it shows only.
 */
final class DocumentsResource implements Routes.Resource {
    /** The longest opening name a reader may give ({@link OpeningTrail}). */
    private static final int MAX_OPENING = 64;
    private final SharedIndex index;
    private final FindingsService findings;
    private final OpeningTrail openings;

    DocumentsResource(SharedIndex index, FindingsService findings) {
        this.index = index;
        this.findings = findings;
        this.openings = new OpeningTrail((user, c, d, type, via) -> findings.audit().documentShown(user, c, d, type, via),
                System::currentTimeMillis);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/document", (x, p) -> x.json(200, document(x)));
    }

    private Map<String, Object> document(Exchange x) throws IOException {
        String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
        String docId = Params.docId(x.required("doc"));
        String q = x.param("q");
        EvidenceIndex s = index.searcher();
        // a query that cannot be read throws QuerySyntaxException: 400, worded in the user's language by ApiHandler
        if (x.param("from") != null || x.param("around") != null) {
            return window(x, s, caseId, docId, q);
        }
        MarkedDocument marked = MarkedDocument.read(s, caseId, docId, q)
                .orElseThrow(() -> ApiError.notFound("error.document-unknown", docId, caseId));
        List<Map<String, Object>> passages = passages(s.passagesOf(caseId, docId));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("document", view(marked.document()));
        out.put("query", q);
        out.put("marks", marked.marks());
        out.put("passages", passages);
        // an earlier version of a corrected file: the document that holds the newest (null: this is the newest)
        out.put("newerVersion", marked.newerVersion());
        // the searcher's part is done: the next search may start while this one looks up the quotations taken from the
        // document (the findings store, when the kept quotations are read again) and waits for its audit line
        x.searcherDone();
        out.put("evidence", findings.evidenceIn(caseId, docId));
        findings.audit().documentShown(x.access().user(), caseId, docId, marked.document().type(), "arbeidsflaten");
        return out;
    }

    /**
     * A window of the document: its text, the query's marks overlapping it and the passages starting in it (each one query
     * on a range of the passages' starts), with what the reader needs of the whole: its length and page starts, the
     * starts of the passages the query matches (left out with {@code outline=false}), the quotations taken from it.
     */
    private Map<String, Object> window(Exchange x, EvidenceIndex s, String caseId, String docId, String q) throws IOException {
        if (x.param("from") != null && x.param("around") != null) {
            throw ApiError.badRequest("error.document.window-one");
        }
        int size = x.intParam("size", TextWindow.DEFAULT_SIZE, TextWindow.MIN_SIZE, TextWindow.MAX_SIZE);
        int from = x.intParam("from", 0, 0, Integer.MAX_VALUE);
        int around = x.intParam("around", 0, 0, Integer.MAX_VALUE);
        String opening = x.param("opening");
        if (opening != null && opening.length() > MAX_OPENING) {
            throw ApiError.badRequest("error.param.too-long", "opening", MAX_OPENING);
        }
        boolean outline = x.param("outline") == null || x.boolParam("outline");
        // only the characters the window is found in are read (SolrCloud sends no more of a large document)
        boolean byStart = x.param("from") != null;
        DocumentPart part = part(s, caseId, docId, byStart ? TextWindow.reachFrom(from, size) : TextWindow.reachAround(around, size));
        if (!byStart && around > part.length()) { // past the end: the window at the end, read again there
            around = part.length();
            part = part(s, caseId, docId, TextWindow.reachAround(around, size));
        }
        TextWindow w = byStart ? TextWindow.from(part, from, size) : TextWindow.around(part, around, size);
        IndexedDocument doc = part.document();
        Map<String, Object> d = view(doc, false);
        d.put("length", part.length());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("document", d);
        out.put("window", Map.of("from", w.from(), "to", w.to(), "text", w.of(part)));
        out.put("query", q);
        out.put("marks", q == null ? List.of() : s.marksIn(caseId, docId, q, w.from(), w.to()));
        if (outline) {
            out.put("matchStarts", q == null ? List.of() : s.matchStarts(caseId, docId, q));
        }
        out.put("passages", passages(s.passagesIn(caseId, docId, w.from(), w.to())));
        out.put("newerVersion", MarkedDocument.newerVersion(s, caseId, docId));
        x.searcherDone();
        out.put("evidence", findings.evidenceIn(caseId, docId));
        openings.windowShown(x.access().user(), caseId, docId, doc.type(), opening);
        return out;
    }

    private static DocumentPart part(EvidenceIndex s, String caseId, String docId, int[] reach) throws IOException {
        return s.documentPart(caseId, docId, reach[0], reach[1])
                .orElseThrow(() -> ApiError.notFound("error.document-unknown", docId, caseId));
    }

    private static List<Map<String, Object>> passages(List<SearchHit> hits) {
        List<Map<String, Object>> out = new ArrayList<>(hits.size());
        for (SearchHit p : hits) {
            out.add(Map.of("passageId", p.passageId(), "start", p.start(), "end", p.end(), "page", p.page()));
        }
        return out;
    }

    /** The document as the workspace shows it: its fields and whole text, page starts as offsets. */
    private static Map<String, Object> view(IndexedDocument doc) {
        return view(doc, true);
    }

    /** The document's fields, page starts as offsets, and its whole text when {@code withText}. */
    private static Map<String, Object> view(IndexedDocument doc, boolean withText) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("docId", doc.docId());
        d.put("case", doc.caseId());
        d.put("file", doc.file());
        d.put("type", doc.type());
        d.put("title", doc.title());
        d.put("sha256", doc.sha256());
        d.put("mediaType", doc.mediaType());
        if (withText) {
            d.put("text", doc.text());
        }
        d.put("pageStarts", doc.pageStarts());
        return d;
    }
}
