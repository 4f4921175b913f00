package no.evidens.pipeline.search;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import no.evidens.index.SearchHit;
import no.evidens.pipeline.export.XlsxSheet;

/**
 * A batch search as a label × document matrix: a row per query (its label, the indicator say), a column
 * per document (its file) holding a hit, each cell how many passages of the document the query found.
 *
 * @param files the documents, sorted by file
 */
public record BatchMatrix(List<String> files, List<Row> rows) {
    /**
     * One query's row.
     *
     * @param counts a count per document, in the order of {@code files}
     * @param error  why the query could not run, or null
     * @param line   the line of the file the row's query stands on (of the first that could not run, when one could not)
     */
    public record Row(String label, String query, List<Integer> counts, int total, String error, int line) {
    }

    public static BatchMatrix of(List<BatchSearch.Outcome> outcomes) {
        TreeSet<String> files = new TreeSet<>();
        Map<BatchSearch.Outcome, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (BatchSearch.Outcome o : outcomes) {
            Map<String, Integer> row = new LinkedHashMap<>();
            if (o.result() != null) {
                for (SearchHit h : o.result().hits()) {
                    files.add(h.file());
                    row.merge(h.file(), 1, Integer::sum);
                }
            }
            counts.put(o, row);
        }
        // rows of one label (the same label on several lines) are added up, as the CSV always did
        Map<String, Row> rows = new LinkedHashMap<>();
        counts.forEach((o, row) -> {
            List<Integer> cells = new ArrayList<>();
            Row before = rows.get(o.query().label());
            int total = 0;
            int i = 0;
            for (String f : files) {
                int n = row.getOrDefault(f, 0) + (before == null ? 0 : before.counts().get(i));
                cells.add(n);
                total += n;
                i++;
            }
            // the row keeps the first error of its label, and the line of that error (else of its first query)
            Row kept = before != null && (before.error() != null || o.error() == null) ? before : null;
            String error = kept != null ? kept.error() : o.error();
            int line = kept != null ? kept.line() : o.query().line();
            rows.put(o.query().label(), new Row(o.query().label(), o.query().query(), List.copyOf(cells), total, error, line));
        });
        return new BatchMatrix(List.copyOf(files), List.copyOf(rows.values()));
    }

    /**
     * Writes the matrix as an Excel workbook: one sheet, the header row frozen; the last column says why a row's query
     * could not run (empty when it ran), as the CSV's {@code error} column.
     *
     * @param labelHeader the first column's heading, {@code totalHeader} the sum's and {@code errorHeader} the last's, in the
     *                    user's language
     */
    public void writeXlsx(OutputStream out, String labelHeader, String totalHeader, String errorHeader) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            List<String> header = new ArrayList<>(List.of(labelHeader));
            header.addAll(files);
            header.add(totalHeader);
            header.add(errorHeader);
            Sheet sheet = XlsxSheet.withHeader(wb, "Matrise", header, 1);
            int r = 1;
            for (Row row : rows) {
                org.apache.poi.ss.usermodel.Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(row.label());
                for (int i = 0; i < row.counts().size(); i++) {
                    x.createCell(i + 1).setCellValue(row.counts().get(i));
                }
                x.createCell(files.size() + 1).setCellValue(row.total());
                x.createCell(files.size() + 2).setCellValue(row.error() == null ? "" : row.error());
            }
            sheet.setColumnWidth(0, 40 * 256);
            wb.write(out);
        }
    }
}
