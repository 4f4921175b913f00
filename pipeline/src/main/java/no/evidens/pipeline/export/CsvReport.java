package no.evidens.pipeline.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;

import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * One row per quotation (a finding without evidence gets one row without one), for spreadsheets: UTF-8 opened by a
 * byte-order mark, as the overview's CSV, since a spreadsheet (Excel) reads a file without one in the machine's old code
 * page and shows «følgende» as «fÃ¸lgende».
 */
final class CsvReport {
    static final String[] HEADER = {"case", "finding", "label", "kind", "number", "title", "requirements", "text", "status",
        "position", "stance", "quote", "source", "title_of_document", "file", "type", "page", "end_page", "start", "end",
        "sha256", "passage_id", "note", "query", "filters"};

    private CsvReport() {
    }

    static String render(CaseExport export) {
        StringBuilder out = new StringBuilder("\uFEFF");
        record(out, (Object[]) HEADER);
        for (Object[] row : rows(export, Map::toString, Texts.of(Language.NB))) {
            record(out, row);
        }
        return out.toString();
    }

    /**
     * The rows under {@link #HEADER}, one per quotation (one without a quotation for a finding without evidence), shared
     * with the spreadsheet ({@link XlsxReport}): a value is a String, an Integer, or null where the row has none.
     *
     * @param filters how the search filters a quotation was found with are written (this file: the map as it is)
     * @param words   the words for a container in an anonymised export's source: its file column names the document alone,
     *                so the source says that it came in an e-mail or an archive («vedlegg til en e-post»), without its
     *                name; an export that is not anonymised keeps the source's form (its file column names the container)
     */
    static List<Object[]> rows(CaseExport export, Function<Map<String, String>, String> filters, Texts words) {
        List<Object[]> rows = new ArrayList<>();
        for (FindingOut f : export.findings()) {
            Object[] head = {export.caseId(), f.ref(), f.label(), f.kind(), f.number(), f.title(), ReportText.requirements(f),
                f.text(), f.status()};
            if (f.evidence().isEmpty()) {
                rows.add(concat(head, new Object[HEADER.length - head.length]));
            }
            for (EvidenceOut e : f.evidence()) {
                String source = export.anonymised() ? SourceWords.source(e, words) : e.source();
                rows.add(concat(head, new Object[] {e.position(), e.stance(), e.quote(), source, e.citation().title(),
                    e.citation().file(), e.citation().type(), e.citation().page(), e.citation().endPage(), e.citation().start(),
                    e.citation().end(), e.sha256(), e.passageId(), e.note(), e.provenance().query(),
                    e.provenance().filters().isEmpty() ? null : filters.apply(e.provenance().filters())}));
            }
        }
        return rows;
    }

    /** One RFC 4180 record (CRLF-terminated; fields quoted where needed). */
    private static void record(StringBuilder out, Object... values) {
        out.append(CSVFormat.RFC4180.format(values)).append("\r\n");
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
