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

import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.PassageSchema;
import no.evidens.index.IndexedDocument;
import no.evidens.index.QuerySyntaxException;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.export.ExportFormat;
import no.evidens.pipeline.findings.Attachment;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.findings.Requirements;
import no.evidens.pipeline.findings.SearcherSource;
import no.evidens.pipeline.ingest.Ingestion;

/** The REST API's handlers for search, reading, findings and export (ingestion is {@link IngestJobs}). */
final class Workspace {
    private static final List<String> DOCUMENT_TYPES = List.of("styringsdokument", "journal", "klientdokumentasjon", "annet");

    private final EvidensHome home;
    private final EvidenceSearcher searcher;
    private final String user;
    private final FindingsService findings;

    Workspace(EvidensHome home, EvidenceSearcher searcher, String user) {
        this.home = home;
        this.searcher = searcher;
        this.user = user;
        this.findings = new FindingsService(home, this::leaseSearcher, Duration.ofSeconds(20));
    }

    /** The shared searcher, lent to the findings service. */
    private SearcherSource.Lease leaseSearcher() {
        EvidenceSearcher s = searcher();
        return new SearcherSource.Lease() {
            @Override
            public EvidenceSearcher searcher() {
                return s;
            }

            @Override
            public void close() {
                // the server's searcher outlives every request; its SearcherManager lends per call
            }
        };
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
        cases.addAll(findings.cases());
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
        out.put("usedBy", findings.usedBy(r.hits()));
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
        out.put("usedBy", findings.usedBy(List.of(hit)).getOrDefault(id, List.of()));
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
        out.put("evidence", findings.evidenceIn(caseId, docId));
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

    /** The web's answer to something the case does not have: 404 with the web's own wording. */
    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (NotFound.UnknownItem e) {
            throw ApiError.notFound(e.actualCase() == null ? "no quotation #" + e.id()
                    : "quotation #" + e.id() + " is not in case " + e.caseId());
        } catch (NotFound e) {
            throw ApiError.notFound(e.getMessage());
        }
    }

    List<FindingOut> findings(String caseId) throws IOException {
        return call(() -> findings.list(caseId));
    }

    FindingOut finding(String caseId, String ref) throws IOException {
        return call(() -> findings.show(caseId, ref));
    }

    /** Creates a finding; with an {@code evidence} object (as the attach request), with its first quotation, at once. */
    FindingOut createFinding(JsonNode body) throws IOException {
        Fields b = new Fields(body, "case", "kind", "title", "requirements", "text", "status", "evidence");
        String caseId = caseParam(b.required("case"));
        FindingKind kind = FindingKind.of(b.required("kind"));
        FindingDraft draft = new FindingDraft(b.required("title"), Requirements.parse(b.strings("requirements")),
                b.text("text"), b.text("status"));
        JsonNode evidence = body.get("evidence");
        if (evidence != null && !evidence.isNull() && !evidence.isObject()) {
            throw ApiError.badRequest("the field 'evidence' must be an object (as the body of an attach request)");
        }
        Attachment first = evidence == null || evidence.isNull() ? null : attachment(caseId, evidence);
        return call(() -> findings.create(caseId, kind, draft, first, user));
    }

    FindingOut editFinding(String caseId, String ref, JsonNode body) throws IOException {
        Fields b = new Fields(body, "title", "requirements", "text", "status");
        String title = b.text("title");
        if (title != null && title.isBlank()) {
            throw ApiError.badRequest("the title cannot be empty");
        }
        FindingDraft changes = new FindingDraft(title, body.has("requirements") ? Requirements.parse(b.strings("requirements")) : null,
                b.text("text"), b.text("status"));
        return call(() -> findings.edit(caseId, ref, changes, user));
    }

    void deleteFinding(String caseId, String ref) throws IOException {
        call(() -> findings.delete(caseId, ref, user));
    }

    /** Attaches a quotation (see {@link #attachment}); answers with the finding and all its quotations. */
    FindingOut attach(String caseId, String ref, JsonNode body) throws IOException {
        Attachment a = attachment(caseId, body);
        return call(() -> findings.attach(caseId, ref, a, user).finding());
    }

    /**
     * Reads an attach request: {@code passageId} (and optionally {@code through}, {@code quote}, or document
     * offsets {@code start}/{@code end}); or {@code docId} with {@code start}/{@code end} alone, any
     * span a reader selected, whose passages the service finds.
     */
    private static Attachment attachment(String caseId, JsonNode body) {
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
        Attachment.Source source;
        if (passageId != null) {
            source = new Attachment.Passage(passageId);
        } else {
            if (start == null) {
                throw ApiError.badRequest("with docId, give the span's start and end (document offsets)");
            }
            source = new Attachment.Span(docIdParam(docId));
            through = null;
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
        return new Attachment(source, through, start, end, b.text("quote"),
                stance == null ? Stance.SUPPORTS : Stance.of(stance), b.text("note"), new Provenance(b.text("query"), filters));
    }

    FindingOut detach(String caseId, long itemId) throws IOException {
        return call(() -> findings.detach(caseId, itemId, user));
    }

    FindingOut move(String caseId, long itemId, JsonNode body) throws IOException {
        Fields b = new Fields(body, "position", "to");
        Integer position = b.integer("position");
        String to = b.text("to");
        if (position == null && to == null) {
            throw ApiError.badRequest("say where to: position and/or to (a finding like avvik-2)");
        }
        if (position != null && position < 1) {
            throw ApiError.badRequest("position counts from 1");
        }
        return call(() -> findings.move(caseId, itemId, to, position, user).finding());
    }

    Object history(String caseId) throws IOException {
        return call(() -> findings.history(caseId, null).stream().map(CaseExports::history).toList());
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
        CaseExport export;
        try {
            export = findings.reports().export(caseId, anonymise, user);
        } catch (NotFound e) {
            throw ApiError.notFound("case " + caseId + " has no findings to export yet");
        }
        Path dir = Files.createDirectories(home.work());
        Path tmp = Files.createTempFile(dir, "export-", "." + fmt);
        try {
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
