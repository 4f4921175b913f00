package no.evidens.pipeline.export;

import java.util.Map;
import java.util.StringJoiner;

import no.evidens.index.PassageSchema;

/**
 * The search filters a quotation was found with as the search language writes them ({@code type:styringsdokument
 * indikator:avvik}), for a report writer's spreadsheet: the stored filters name their fields as the index does
 * ({@code indicator}), and hold the case, which is the sheet's own and left out. The CSV and JSON keep the stored map.
 */
final class SearchFilterWords {
    private SearchFilterWords() {
    }

    /** The filters in the search language's words, or null when only the case was one. */
    static String of(Map<String, String> filters) {
        StringJoiner out = new StringJoiner(" ");
        filters.forEach((field, value) -> {
            if (!PassageSchema.CASE.equals(field) && value != null) {
                out.add(written(field) + ":" + (value.isEmpty() || value.matches(".*[\\s:\"()].*") ? '"' + value.replace("\"", "'") + '"' : value));
            }
        });
        return out.length() == 0 ? null : out.toString();
    }

    /** The name a query writes a field by: the index's {@code indicator} is written {@code indikator}, the rest as named. */
    private static String written(String field) {
        return PassageSchema.INDICATOR.equals(field) ? PassageSchema.INDICATOR_QUERY : field;
    }
}
