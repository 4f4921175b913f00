package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import no.evidens.access.Permission;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;
import no.evidens.pipeline.EvidensHome;

/** {@code GET /api/overview}: a case's indicators counted per document type. */
final class OverviewResource implements Routes.Resource {
    /** The document types a column is shown for even when no passage of the case has that type. */
    private static final List<String> DOCUMENT_TYPES = List.of("styringsdokument", "journal", "klientdokumentasjon", "annet");

    private final EvidensHome home;
    private final SharedIndex index;

    OverviewResource(EvidensHome home, SharedIndex index) {
        this.home = home;
        this.index = index;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/overview", (x, p) -> x.json(200, overview(x.access().require(Params.caseId(x.required("case")), Permission.READ))));
    }

    /** Indicator × document type: how many passages of the case mention each indicator, per type. */
    private Map<String, Object> overview(String caseId) throws IOException {
        Codebook codebook = Codebook.resolve(null, home.root());
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> types = new TreeSet<>(DOCUMENT_TYPES);
        for (IndicatorDefinition ind : codebook.indicators()) {
            SearchResult r = index.searcher().search(new SearchRequest("indikator:\"" + ind.id() + "\"", caseId, null, 1));
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
}
