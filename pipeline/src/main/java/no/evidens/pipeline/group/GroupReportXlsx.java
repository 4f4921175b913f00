package no.evidens.pipeline.group;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import no.evidens.pipeline.export.XlsxSheet;

/**
 * The summary report's tables as a spreadsheet (Apache POI), one sheet each, numbers as numbers: the main
 * counts, findings by requirement, indicators × municipalities (passages and findings), the municipalities,
 * and the chosen quotations with their sources.
 */
public final class GroupReportXlsx {
    public static final String TOTALS = "Hovedtall";
    public static final String REQUIREMENTS = "Lovkrav";
    public static final String INDICATORS = "Indikatorer";
    public static final String MATRIX = "Indikator x kommune";
    public static final String PLACES = "Kommuner";
    public static final String QUOTES = "Sitater";

    private GroupReportXlsx() {
    }

    public static void write(GroupReport report, Path out) throws IOException {
        GroupOverview o = report.overview();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            sheet(book, TOTALS, List.of("Tall", "Antall"), GroupReportText.totals(o));
            sheet(book, REQUIREMENTS, GroupReportText.REQUIREMENT_HEADER, GroupReportText.requirementRows(o));
            sheet(book, INDICATORS, GroupReportText.INDICATOR_HEADER, GroupReportText.indicatorRows(o));
            List<String> matrixHeader = new ArrayList<>(List.of("Indikator"));
            o.municipalities().forEach(p -> {
                matrixHeader.add(p.municipality() + " avsnitt");
                matrixHeader.add(p.municipality() + " funn");
            });
            List<List<String>> matrix = new ArrayList<>();
            for (GroupOverview.IndicatorRow i : o.indicators()) {
                List<String> row = new ArrayList<>(List.of(i.label()));
                for (GroupOverview.Place p : o.municipalities()) {
                    GroupOverview.Cell c = i.cells().getOrDefault(p.caseId(), new GroupOverview.Cell(0, 0));
                    row.add(String.valueOf(c.passages()));
                    row.add(String.valueOf(c.findings()));
                }
                matrix.add(row);
            }
            sheet(book, MATRIX, matrixHeader, matrix);
            sheet(book, PLACES, GroupReportText.PLACE_HEADER, GroupReportText.placeRows(o));
            List<List<String>> quotes = new ArrayList<>();
            for (GroupOverview.RequirementRow r : o.requirements()) {
                for (GroupReport.Example e : report.examplesOf(r.requirement())) {
                    quotes.add(List.of(r.requirement(), e.municipality(), e.finding(), e.quote(), e.source()));
                }
            }
            sheet(book, QUOTES, List.of("Lovkrav", "Kommune", "Funn", "Sitat", "Kilde"), quotes);
            try (OutputStream os = Files.newOutputStream(out)) {
                book.write(os);
            }
        }
    }

    /** A sheet with a bold header row; a cell that holds a whole number is written as a number. */
    private static void sheet(XSSFWorkbook book, String name, List<String> header, List<List<String>> rows) {
        Sheet sheet = XlsxSheet.withHeader(book, name, header, 1);
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.createRow(i + 1);
            List<String> values = rows.get(i);
            for (int j = 0; j < values.size(); j++) {
                String v = values.get(j);
                if (v.matches("\\d{1,9}")) {
                    row.createCell(j).setCellValue(Integer.parseInt(v));
                } else {
                    row.createCell(j).setCellValue(v);
                }
            }
        }
        for (int j = 0; j < Math.min(header.size(), 6); j++) {
            sheet.autoSizeColumn(j);
        }
    }
}
