package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexedDocument;
import no.evidens.index.SearchHit;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.search.MarkedDocument;

/** {@code GET /api/document}: a whole document with its passages, the query's marks and its quotations. */
final class DocumentsResource implements Routes.Resource {
    private final SharedIndex index;
    private final FindingsService findings;

    DocumentsResource(SharedIndex index, FindingsService findings) {
        this.index = index;
        this.findings = findings;
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
        MarkedDocument marked = MarkedDocument.read(s, caseId, docId, q)
                .orElseThrow(() -> ApiError.notFound("error.document-unknown", docId, caseId));
        List<Map<String, Object>> passages = new ArrayList<>();
        for (SearchHit p : s.passagesOf(caseId, docId)) {
            passages.add(Map.of("passageId", p.passageId(), "start", p.start(), "end", p.end(), "page", p.page()));
        }
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

    /** The document as the workspace shows it: its fields and whole text, page starts as offsets. */
    private static Map<String, Object> view(IndexedDocument doc) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("docId", doc.docId());
        d.put("case", doc.caseId());
        d.put("file", doc.file());
        d.put("type", doc.type());
        d.put("title", doc.title());
        d.put("sha256", doc.sha256());
        d.put("mediaType", doc.mediaType());
        d.put("text", doc.text());
        d.put("pageStarts", doc.pageStarts());
        return d;
    }
}
