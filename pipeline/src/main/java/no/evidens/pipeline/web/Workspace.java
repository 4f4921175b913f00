package no.evidens.pipeline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.PassageSchema;
import no.evidens.index.IndexedDocument;
import no.evidens.index.QuerySyntaxException;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.index.findings.EvidenceDraft;
import no.evidens.index.findings.EvidenceItem;
import no.evidens.index.findings.Finding;
import no.evidens.index.findings.FindingDraft;
import no.evidens.index.findings.FindingKind;
import no.evidens.index.findings.FindingStore;
import no.evidens.index.findings.PassageLookup;
import no.evidens.index.findings.Provenance;
import no.evidens.index.findings.Stance;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.export.Anonymiser;
import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.export.ExportFormat;
import no.evidens.pipeline.findings.AttachRequest;
import no.evidens.pipeline.findings.EvidenceResolver;
import no.evidens.pipeline.findings.Receipts;
import no.evidens.pipeline.findings.Requirements;
import no.evidens.pipeline.ingest.Ingestion;

/** The REST API's handlers for search, reading, findings and export (ingestion is {@link IngestJobs}). */
final class Workspace {
    private static final List<String> DOCUMENT_TYPES = List.of("styringsdokument", "journal", "klientdokumentasjon", "annet");

    private final EvidensHome home;
    private final EvidenceSearcher searcher;
    private final String user;

    Workspace(EvidensHome home, EvidenceSearcher searcher, String user) {
        this.home = home;
        this.searcher = searcher;
        this.user = user;
    }

    FindingStore openStore() {
        return FindingStore.open(home.root().resolve("findings"), Duration.ofSeconds(20));
    }

    static String caseParam(String caseId) {
        try {
            Ingestion.checkCaseId(caseId);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        return caseId;
    }

    // ------------------------------------------------------------------------------------ cases

    /** The cases the home knows: from the receipts and the findings store. */
    Map<String, Object> cases() throws IOException {
        TreeSet<String> cases = new TreeSet<>();
        Path receipts = home.receipts();
        if (Files.isDirectory(receipts)) {
            try (Stream<Path> files = Files.list(receipts)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    try {
                        JsonNode n = Json.mapper().readTree(p.toFile());
                        if (n.hasNonNull("case")) {
                            cases.add(n.get("case").asText());
                        }
                    } catch (IOException unreadable) {
                        // a receipt being written, or damaged: it does not name a case
                    }
                }
            }
        }
        if (Files.isDirectory(home.root().resolve("findings"))) {
            try (FindingStore store = openStore()) {
                cases.addAll(store.cases());
            }
        }
        return Map.of("cases", List.copyOf(cases));
    }

    // ------------------------------------------------------------------------------------ search

    Map<String, Object> search(Exchange x) throws IOException {
        String q = x.required("q");
        String caseId = x.param("case") == null ? null : caseParam(x.param("case"));
        String type = x.param("type");
        int limit = x.intParam("limit", 10, 1, 100);
        int offset = x.intParam("offset", 0, 0, 10_000);
        SearchRequest.Order order = order(x.param("sort"));
        List<String> filters = x.all("filter");
        SearchResult r;
        try {
            r = searcher().search(new SearchRequest(q, caseId, type, limit, offset, order, facetFilters(filters)));
        } catch (QuerySyntaxException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q);
        out.put("filters", filters);
        out.put("case", caseId);
        out.put("type", type);
        out.put("total", r.total());
        out.put("tookMs", r.tookMs());
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("relaxed", r.relaxed());
        out.put("hits", r.hits());
        out.put("facets", r.facets());
        out.put("usedBy", usedBy(r.hits()));
        return out;
    }

    /** The {@code filter=dimension:value} parameters as the request's facet filters (dimension → values). */
    static Map<String, List<String>> facetFilters(List<String> filters) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String f : filters) {
            int colon = f.indexOf(':');
            String dim = colon < 0 ? "" : f.substring(0, colon);
            String value = colon < 0 ? "" : f.substring(colon + 1).strip();
            if (!PassageSchema.FACET_DIMS.contains(dim) || value.isEmpty()) {
                throw ApiError.badRequest("the filter '" + f + "' is not valid: write it as dimension:value, with a dimension of "
                        + String.join(", ", new TreeSet<>(PassageSchema.FACET_DIMS)));
            }
            out.computeIfAbsent(dim, d -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** The searcher over the home's index, or 409 while there is no index. */
    private EvidenceSearcher searcher() {
        if (!searcher.hasIndex()) {
            throw new ApiError(409, "there is no evidence index yet: upload a bundle first (Innlesing)");
        }
        return searcher;
    }

    private static SearchRequest.Order order(String sort) {
        if (sort == null) {
            return SearchRequest.Order.RELEVANCE;
        }
        return switch (sort.toLowerCase(Locale.ROOT)) {
            case "relevance" -> SearchRequest.Order.RELEVANCE;
            case "document" -> SearchRequest.Order.DOCUMENT;
            case "date" -> SearchRequest.Order.DATE;
            default -> throw ApiError.badRequest("sort must be relevance, document or date, was '" + sort + "'");
        };
    }

    /** For the hits' passages: the findings that already quote them (ref and label). */
    private Map<String, List<Map<String, Object>>> usedBy(List<SearchHit> hits) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        if (hits.isEmpty() || !Files.isDirectory(home.root().resolve("findings"))) {
            return out;
        }
        TreeSet<String> cases = new TreeSet<>();
        hits.forEach(h -> cases.add(h.caseId()));
        try (FindingStore store = openStore()) {
            for (String c : cases) {
                for (Finding f : store.findings(c)) {
                    for (EvidenceItem item : store.evidence(f.id())) {
                        for (SearchHit h : hits) {
                            if (covers(item.evidence(), h.passageId())) {
                                out.computeIfAbsent(h.passageId(), k -> new ArrayList<>()).add(Map.of("ref", f.ref(),
                                        "label", f.label(), "item", item.id()));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether the quotation starts in, ends in or runs through the passage. */
    private static boolean covers(EvidenceDraft e, String passageId) {
        int a = number(e.passageId());
        int b = number(e.lastPassageId() == null ? e.passageId() : e.lastPassageId());
        String prefix = e.passageId().substring(0, e.passageId().lastIndexOf('/') + 1);
        if (!passageId.startsWith(prefix) || passageId.indexOf('/', prefix.length()) >= 0) {
            return false;
        }
        int n = number(passageId);
        return n >= a && n <= b;
    }

    private static int number(String passageId) {
        try {
            return Integer.parseInt(passageId.substring(passageId.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String passageIdParam(String id) {
        if (!id.matches("[\\p{L}\\p{N}._-]{1,100}/[0-9a-fA-F]{1,64}/\\d{1,7}")) {
            throw ApiError.badRequest("'" + id + "' is not a passage id: it looks like case/document/number");
        }
        return id;
    }

    Map<String, Object> passage(Exchange x) throws IOException {
        String id = passageIdParam(x.required("id"));
        int context = x.intParam("context", 2, 0, 20);
        EvidenceSearcher s = searcher();
        SearchHit hit = s.passage(id).orElseThrow(() -> ApiError.notFound("no passage " + id + " in the index"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passage", hit);
        out.put("context", s.context(id, context, context));
        out.put("usedBy", usedBy(List.of(hit)).getOrDefault(id, List.of()));
        return out;
    }

    Object like(Exchange x) throws IOException {
        String id = passageIdParam(x.required("id"));
        int limit = x.intParam("limit", 10, 1, 100);
        EvidenceSearcher s = searcher();
        if (s.passage(id).isEmpty()) {
            throw ApiError.notFound("no passage " + id + " in the index");
        }
        return s.moreLikeThis(id, limit);
    }

    // ------------------------------------------------------------------------------------ documents

    static String docIdParam(String docId) {
        if (!docId.matches("[0-9a-fA-F]{1,64}")) {
            throw ApiError.badRequest("'" + docId + "' is not a document id (as search shows it: hexadecimal)");
        }
        return docId;
    }

    Map<String, Object> document(Exchange x) throws IOException {
        String caseId = caseParam(x.required("case"));
        String docId = docIdParam(x.required("doc"));
        String q = x.param("q");
        EvidenceSearcher s = searcher();
        IndexedDocument doc = s.document(caseId, docId)
                .orElseThrow(() -> ApiError.notFound("no document " + docId + " in case " + caseId));
        List<EvidenceSearcher.Mark> marks;
        try {
            marks = q == null ? List.of() : s.marks(caseId, docId, q);
        } catch (QuerySyntaxException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        List<Map<String, Object>> passages = new ArrayList<>();
        for (SearchHit p : s.passagesOf(caseId, docId)) {
            passages.add(Map.of("passageId", p.passageId(), "start", p.start(), "end", p.end(), "page", p.page()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
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
        out.put("document", d);
        out.put("query", q);
        out.put("marks", marks);
        out.put("passages", passages);
        out.put("evidence", evidenceIn(caseId, docId));
        return out;
    }

    /** The quotations of the case's findings taken from this document. */
    private List<Map<String, Object>> evidenceIn(String caseId, String docId) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isDirectory(home.root().resolve("findings"))) {
            return out;
        }
        try (FindingStore store = openStore()) {
            for (Finding f : store.findings(caseId)) {
                for (EvidenceItem item : store.evidence(f.id())) {
                    EvidenceDraft e = item.evidence();
                    if (docId.equals(e.docId())) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("item", item.id());
                        m.put("ref", f.ref());
                        m.put("label", f.label());
                        m.put("title", f.title());
                        m.put("start", e.start());
                        m.put("end", e.end());
                        out.add(m);
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------ overview

    /** Indicator × document type: how many passages of the case mention each indicator, per type. */
    Map<String, Object> overview(Exchange x) throws IOException, java.io.IOException {
        String caseId = caseParam(x.required("case"));
        Codebook codebook = Codebook.resolve(null, home.root());
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>(DOCUMENT_TYPES);
        for (IndicatorDefinition ind : codebook.indicators()) {
            SearchResult r = searcher().search(new SearchRequest("indikator:\"" + ind.id() + "\"", caseId, null, 1));
            Map<String, Integer> byType = r.total() == 0 ? Map.of() : r.facets().getOrDefault("type", Map.of());
            types.addAll(byType.keySet());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", ind.id());
            row.put("label", ind.label());
            row.put("total", r.total());
            row.put("counts", byType);
            rows.add(row);
        }
        List<String> ordered = new ArrayList<>(DOCUMENT_TYPES);
        types.stream().filter(t -> !ordered.contains(t)).forEach(ordered::add);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", caseId);
        out.put("types", ordered);
        out.put("indicators", rows);
        return out;
    }

    // ------------------------------------------------------------------------------------ findings

    List<FindingOut> findings(String caseId) {
        try (FindingStore store = openStore()) {
            List<FindingOut> out = new ArrayList<>();
            for (Finding f : store.findings(caseId)) {
                out.add(CaseExports.finding(f, store.evidence(f.id()), null));
            }
            return out;
        }
    }

    FindingOut finding(String caseId, String ref) {
        try (FindingStore store = openStore()) {
            Finding f = findingOf(store, caseId, ref);
            return CaseExports.finding(f, store.evidence(f.id()), null);
        }
    }

    private static Finding findingOf(FindingStore store, String caseId, String ref) {
        try {
            return store.finding(caseId, ref);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("case ") ? ApiError.notFound(e.getMessage()) : ApiError.badRequest(e.getMessage());
        }
    }

    FindingOut createFinding(JsonNode body) {
        Fields b = new Fields(body, "case", "kind", "title", "requirements", "text", "status");
        String caseId = caseParam(b.required("case"));
        FindingKind kind = FindingKind.of(b.required("kind"));
        FindingDraft draft = new FindingDraft(b.required("title"), Requirements.parse(b.strings("requirements")),
                b.text("text"), b.text("status"));
        try (FindingStore store = openStore()) {
            Finding f = store.create(caseId, kind, draft, user);
            return CaseExports.finding(f, List.of(), null);
        }
    }

    FindingOut editFinding(String caseId, String ref, JsonNode body) {
        Fields b = new Fields(body, "title", "requirements", "text", "status");
        String title = b.text("title");
        if (title != null && title.isBlank()) {
            throw ApiError.badRequest("the title cannot be empty");
        }
        FindingDraft changes = new FindingDraft(title, body.has("requirements") ? Requirements.parse(b.strings("requirements")) : null,
                b.text("text"), b.text("status"));
        try (FindingStore store = openStore()) {
            Finding f = store.edit(findingOf(store, caseId, ref), changes, user);
            return CaseExports.finding(f, store.evidence(f.id()), null);
        }
    }

    void deleteFinding(String caseId, String ref) {
        try (FindingStore store = openStore()) {
            store.delete(findingOf(store, caseId, ref), user);
        }
    }

    /**
     * Attaches a quotation: {@code passageId} (and optionally {@code through}, {@code quote}, or document
     * offsets {@code start}/{@code end}); or {@code docId} with {@code start}/{@code end} alone, any
     * span a reader selected, whose passages are found here.
     */
    FindingOut attach(String caseId, String ref, JsonNode body) throws IOException {
        Fields b = new Fields(body, "passageId", "through", "docId", "start", "end", "quote", "stance", "note", "query", "filters");
        String passageId = b.text("passageId");
        String through = b.text("through");
        Integer start = b.integer("start");
        Integer end = b.integer("end");
        String docId = b.text("docId");
        if ((start == null) != (end == null)) {
            throw ApiError.badRequest("give both start and end, or neither");
        }
        if (passageId == null && docId == null) {
            throw ApiError.badRequest("say what to quote: passageId, or docId with start and end");
        }
        if (passageId != null) {
            passageIdParam(passageId);
            if (!passageId.startsWith(caseId + "/")) {
                throw ApiError.badRequest("passage " + passageId + " is not in case " + caseId);
            }
        }
        if (through != null) {
            passageIdParam(through);
        }
        if (passageId == null) {
            if (start == null) {
                throw ApiError.badRequest("with docId, give the span's start and end (document offsets)");
            }
            String[] ids = passagesOf(caseId, docIdParam(docId), start, end);
            passageId = ids[0];
            through = ids[1].equals(ids[0]) ? null : ids[1];
        }
        Map<String, String> filters = new LinkedHashMap<>();
        JsonNode fs = body.get("filters");
        if (fs != null && !fs.isNull()) {
            if (!fs.isObject() || fs.size() > 20) {
                throw ApiError.badRequest("filters must be an object of at most 20 name: value pairs");
            }
            for (Map.Entry<String, JsonNode> e : fs.properties()) {
                if (!e.getValue().isTextual()) {
                    throw ApiError.badRequest("the filter '" + e.getKey() + "' must be text");
                }
                filters.put(e.getKey(), e.getValue().asText());
            }
        }
        String stance = b.text("stance");
        AttachRequest request = new AttachRequest(caseId, passageId, through, start, end, b.text("quote"),
                stance == null ? Stance.SUPPORTS : Stance.of(stance), b.text("note"), new Provenance(b.text("query"), filters));
        EvidenceDraft draft;
        try (FindingStore store = openStore()) {
            Finding f = findingOf(store, caseId, ref);
            try (PassageLookup index = new PassageLookup(home.index())) {
                draft = new EvidenceResolver(index, new Receipts(home.receipts())).resolve(request);
            }
            store.attach(f, draft, user);
            return CaseExports.finding(f, store.evidence(f.id()), null);
        }
    }

    /** The passages of the document a span starts and ends in. */
    private String[] passagesOf(String caseId, String docId, int start, int end) throws IOException {
        if (start < 0 || end <= start) {
            throw ApiError.badRequest("the span " + start + "–" + end + " is empty or negative");
        }
        String first = null;
        String last = null;
        for (SearchHit h : searcher().passagesOf(caseId, docId)) {
            if (first == null && start < h.end()) {
                first = h.passageId();
            }
            if (first != null && end > h.start()) {
                last = h.passageId();
            }
            if (h.start() >= end) {
                break;
            }
        }
        if (first == null || last == null) {
            throw ApiError.badRequest("the span " + start + "–" + end + " is not in any passage of document " + docId
                    + " in case " + caseId);
        }
        return new String[] {first, last};
    }

    FindingOut detach(String caseId, long itemId) {
        try (FindingStore store = openStore()) {
            EvidenceItem item = itemOfCase(store, caseId, itemId);
            store.detach(item.id(), user);
            return CaseExports.finding(store.findingById(item.findingId()).orElseThrow(), store.evidence(item.findingId()), null);
        }
    }

    FindingOut move(String caseId, long itemId, JsonNode body) {
        Fields b = new Fields(body, "position", "to");
        Integer position = b.integer("position");
        String to = b.text("to");
        if (position == null && to == null) {
            throw ApiError.badRequest("say where to: position and/or to (a finding like avvik-2)");
        }
        if (position != null && position < 1) {
            throw ApiError.badRequest("position counts from 1");
        }
        try (FindingStore store = openStore()) {
            EvidenceItem item = itemOfCase(store, caseId, itemId);
            Finding target = to == null ? null : findingOf(store, caseId, to);
            EvidenceItem moved = store.move(item.id(), target, position, user);
            return CaseExports.finding(store.findingById(moved.findingId()).orElseThrow(), store.evidence(moved.findingId()), null);
        }
    }

    private static EvidenceItem itemOfCase(FindingStore store, String caseId, long id) {
        EvidenceItem item;
        try {
            item = store.item(id);
        } catch (IllegalArgumentException e) {
            throw ApiError.notFound("no quotation #" + id);
        }
        Finding f = store.findingById(item.findingId()).orElseThrow(() -> ApiError.notFound("no quotation #" + id));
        if (!f.caseId().equals(caseId)) {
            throw ApiError.notFound("quotation #" + id + " is not in case " + caseId);
        }
        return item;
    }

    Object history(String caseId) {
        try (FindingStore store = openStore()) {
            return store.history(caseId, null).stream().map(CaseExports::history).toList();
        }
    }

    // ------------------------------------------------------------------------------------ export

    /** The export as a file to download: its bytes, media type and name. */
    record Download(byte[] bytes, String contentType, String name) {
    }

    Download export(Exchange x) throws IOException {
        String caseId = caseParam(x.required("case"));
        String fmt = x.required("format").toLowerCase(Locale.ROOT);
        ExportFormat format = switch (fmt) {
            case "docx" -> ExportFormat.DOCX;
            case "md" -> ExportFormat.MD;
            case "csv" -> ExportFormat.CSV;
            case "json" -> ExportFormat.JSON;
            default -> throw ApiError.badRequest("unknown export format '" + fmt + "': use docx, md, csv or json");
        };
        boolean anonymise = x.boolParam("anonymise");
        Path dir = Files.createDirectories(home.work());
        Path tmp = Files.createTempFile(dir, "export-", "." + fmt);
        try (FindingStore store = openStore();
             PassageLookup index = anonymise && Files.isDirectory(home.index()) ? new PassageLookup(home.index()) : null) {
            if (store.findings(caseId).isEmpty()) {
                throw ApiError.notFound("case " + caseId + " has no findings to export yet");
            }
            CaseExport export = CaseExports.read(store, caseId, user, anonymise ? Anonymiser.withNameModel() : null, index);
            format.write(export, tmp);
            String type = switch (format) {
                case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case MD -> "text/markdown; charset=utf-8";
                case CSV -> "text/csv; charset=utf-8";
                case JSON -> "application/json; charset=utf-8";
            };
            return new Download(Files.readAllBytes(tmp), type, "funn-" + caseId + (anonymise ? "-anonymisert" : "") + "." + fmt);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The fields of a JSON body: only the known ones, each of the right kind. */
    static final class Fields {
        private final JsonNode body;

        Fields(JsonNode body, String... known) {
            this.body = body;
            List<String> k = List.of(known);
            for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!k.contains(name)) {
                    throw ApiError.badRequest("unknown field '" + name + "': use " + String.join(", ", k));
                }
            }
        }

        String text(String name) {
            JsonNode n = body.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                throw ApiError.badRequest("the field '" + name + "' must be text");
            }
            if (n.asText().length() > 100_000) {
                throw ApiError.badRequest("the field '" + name + "' is too long");
            }
            return n.asText();
        }

        String required(String name) {
            String v = text(name);
            if (v == null || v.isBlank()) {
                throw ApiError.badRequest("the field '" + name + "' is missing");
            }
            return v.strip();
        }

        Integer integer(String name) {
            JsonNode n = body.get(name);
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isInt()) {
                throw ApiError.badRequest("the field '" + name + "' must be a whole number");
            }
            return n.asInt();
        }

        List<String> strings(String name) {
            JsonNode n = body.get(name);
            if (n == null || n.isNull()) {
                return List.of();
            }
            if (!n.isArray() || n.size() > 50) {
                throw ApiError.badRequest("the field '" + name + "' must be a list of at most 50 texts");
            }
            List<String> out = new ArrayList<>();
            for (JsonNode e : n) {
                if (!e.isTextual()) {
                    throw ApiError.badRequest("the field '" + name + "' must be a list of texts");
                }
                if (!e.asText().isBlank()) {
                    out.add(e.asText().strip());
                }
            }
            return out;
        }
    }

    /** A one-line message for a person: the first line of the innermost message. */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
