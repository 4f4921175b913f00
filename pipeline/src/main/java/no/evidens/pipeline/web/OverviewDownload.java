package no.evidens.pipeline.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import no.evidens.pipeline.export.XlsxSheet;

/** The overview's matrix as a download: CSV (UTF-8 with a byte-order mark, so spreadsheets read æøå) or XLSX. */
final class OverviewDownload {
    static final String CSV = "text/csv; charset=utf-8";

    private OverviewDownload() {
    }

    /** The header row: indicator id and name, one column per document type, the sum. */
    private static List<String> header(OverviewMatrix m) {
        List<String> h = new ArrayList<>(List.of("Indikator-id", "Indikator"));
        m.types().forEach(t -> h.add(OverviewMatrix.typeName(t)));
        h.add("Sum");
        return h;
    }

    static byte[] csv(OverviewMatrix m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(header(m).toArray(String[]::new)).get())) {
            for (OverviewMatrix.Row r : m.rows()) {
                List<Object> line = new ArrayList<>(List.of(r.id(), r.label()));
                m.types().forEach(t -> line.add(r.count(t)));
                line.add(r.total());
                csv.printRecord(line);
            }
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(OverviewMatrix m) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<String> h = header(m);
            Sheet sheet = XlsxSheet.withHeader(book, "Oversikt", h, 2);
            int r = 1;
            for (OverviewMatrix.Row row : m.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.id());
                line.createCell(1).setCellValue(row.label());
                int c = 2;
                for (String t : m.types()) {
                    line.createCell(c++).setCellValue(row.count(t));
                }
                line.createCell(c).setCellValue(row.total());
            }
            for (int c = 0; c < h.size(); c++) {
                sheet.autoSizeColumn(c);
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
