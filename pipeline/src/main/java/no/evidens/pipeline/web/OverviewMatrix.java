package no.evidens.pipeline.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A case's indicators counted per document type, as the overview shows and downloads it: only the
 * document types that hold at least one passage about an indicator are columns (no all-zero column).
 *
 * @param caseId the case
 * @param types  the columns, in the workspace's order of document types
 * @param rows   one row per indicator of the codebook, in its order
 */
record OverviewMatrix(String caseId, List<String> types, List<Row> rows) {
    /** Column names the downloads use for the document types the workspace knows (Bokmål, as on screen). */
    static final Map<String, String> TYPE_NAMES = Map.of("styringsdokument", "Styringsdokument", "journal", "Journal",
            "klientdokumentasjon", "Klientdokumentasjon", "annet", "Annet");

    /** One indicator: its passages in the case, in all and per document type. */
    record Row(String id, String label, int total, Map<String, Integer> counts) {
        Row {
            counts = Map.copyOf(counts);
        }

        int count(String type) {
            return counts.getOrDefault(type, 0);
        }
    }

    OverviewMatrix {
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    /** The matrix with only the columns, of {@code order} and then any others met, that count something. */
    static OverviewMatrix of(String caseId, List<String> order, List<Row> rows) {
        List<String> types = new ArrayList<>();
        List<String> candidates = new ArrayList<>(order);
        rows.forEach(r -> r.counts().keySet().stream().sorted().filter(t -> !candidates.contains(t)).forEach(candidates::add));
        for (String t : candidates) {
            if (rows.stream().anyMatch(r -> r.count(t) > 0)) {
                types.add(t);
            }
        }
        return new OverviewMatrix(caseId, types, rows);
    }

    static String typeName(String type) {
        return TYPE_NAMES.getOrDefault(type, type);
    }
}
