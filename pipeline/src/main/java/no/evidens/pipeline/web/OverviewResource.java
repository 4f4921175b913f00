package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.export.XlsxSheet;

/**
 * {@code GET /api/overview}: a case's indicators counted per document type; with {@code format=csv} or
 * {@code format=xlsx} the same matrix as a download.
 */
final class OverviewResource implements Routes.Resource {
    /** The order of the document types' columns (a type no indicator is counted in has no column). */
    private static final List<String> DOCUMENT_TYPES = List.of("styringsdokument", "journal", "klientdokumentasjon", "annet");

    private final EvidensHome home;
    private final SharedIndex index;

    OverviewResource(EvidensHome home, SharedIndex index) {
        this.home = home;
        this.index = index;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/overview", this::overview);
    }

    private void overview(Exchange x, Map<String, String> path) throws IOException {
        String caseId = x.access().require(Params.caseId(x.required("case")), Permission.READ);
        String format = x.param("format");
        OverviewMatrix m = matrix(caseId);
        if (format == null || format.equalsIgnoreCase("json")) {
            x.json(200, json(m));
            return;
        }
        String name = "oversikt-" + caseId + "." + format.toLowerCase(Locale.ROOT);
        switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> x.send(200, OverviewDownload.CSV, OverviewDownload.csv(m), name);
            case "xlsx" -> x.send(200, XlsxSheet.MEDIA_TYPE, OverviewDownload.xlsx(m), name);
            default -> throw ApiError.badRequest("error.param.choice", "format", "json, csv, xlsx", format);
        }
    }

    /** Indicator × document type: how many passages of the case mention each indicator, per type. */
    private OverviewMatrix matrix(String caseId) throws IOException {
        Codebook codebook = Codebook.resolve(null, home.root());
        List<OverviewMatrix.Row> rows = new ArrayList<>();
        for (IndicatorDefinition ind : codebook.indicators()) {
            SearchResult r = index.searcher().search(new SearchRequest("indikator:\"" + ind.id() + "\"", caseId, null, 1));
            Map<String, Integer> byType = r.total() == 0 ? Map.of() : r.facets().getOrDefault("type", Map.of());
            rows.add(new OverviewMatrix.Row(ind.id(), ind.label(), (int) r.total(), byType));
        }
        return OverviewMatrix.of(caseId, DOCUMENT_TYPES, rows);
    }

    private static Map<String, Object> json(OverviewMatrix m) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OverviewMatrix.Row r : m.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("label", r.label());
            row.put("total", r.total());
            row.put("counts", r.counts());
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", m.caseId());
        out.put("types", m.types());
        out.put("indicators", rows);
        return out;
    }
}
