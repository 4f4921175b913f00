package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Receipts;
import no.evidens.pipeline.page.PageImages;

/**
 * The original page beside the text: {@code GET /api/page?case=&doc=&page=} answers the page of a PDF
 * or scan as a PNG; {@code GET /api/page/outline?case=&doc=&start=&end=} where a span stands on its page.
 * Read access to the case is required, and showing a journal's or client record's page is recorded in
 * the audit trail as reading the document is.
 */
final class PageResource implements Routes.Resource {
    private final SharedIndex index;
    private final FindingsService findings;
    private final Receipts receipts;
    private final PageImages pages;

    PageResource(SharedIndex index, FindingsService findings, Receipts receipts, PageImages pages) {
        this.index = index;
        this.findings = findings;
        this.receipts = receipts;
        this.pages = pages;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/page", this::page);
        routes.get("/api/page/outline", this::outline);
    }

    private IndexedDocument document(Exchange x, String caseId) throws IOException {
        String docId = Params.docId(x.required("doc"));
        IndexedDocument doc = index.searcher().document(caseId, docId)
                .orElseThrow(() -> ApiError.notFound("error.document-unknown", docId, caseId));
        if (!PageImages.renders(doc)) {
            throw ApiError.notFound("error.page.none", docId);
        }
        return doc;
    }

    private String bundle(String caseId, IndexedDocument doc) {
        return receipts.bundleOf(caseId, doc.file(), doc.sha256()).orElse(null);
    }

    private void page(Exchange x, Map<String, String> path) throws IOException {
        String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
        IndexedDocument doc = document(x, caseId);
        int page = x.intParam("page", 1, 1, 100_000);
        byte[] png = pages.png(doc, bundle(caseId, doc), page).orElseThrow(() -> ApiError.notFound("error.page.unknown", page, doc.file()));
        findings.audit().documentShown(x.access().user(), caseId, doc.docId(), doc.type(), "arbeidsflaten, side " + page);
        x.send(200, "image/png", png, null);
    }

    private void outline(Exchange x, Map<String, String> path) throws IOException {
        String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
        IndexedDocument doc = document(x, caseId);
        int start = x.intParam("start", 0, 0, Integer.MAX_VALUE - 1);
        int end = x.intParam("end", start + 1, 1, Integer.MAX_VALUE);
        PageImages.Outline o = pages.outline(doc, bundle(caseId, doc), start, end);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("docId", doc.docId());
        out.put("page", o.page());
        out.put("pages", Math.max(1, doc.pages()));
        out.put("start", start);
        out.put("end", end);
        out.put("boxes", o.boxes());
        x.json(200, out);
    }
}
