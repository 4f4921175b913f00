package no.evidens.pipeline.group;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import no.evidens.pipeline.export.XlsxSheet;

/**
 * The summary report's tables as a spreadsheet (Apache POI), one sheet each, numbers as numbers: the main
 * counts, findings by requirement, by county, municipalities × indicators (passages and findings), the municipalities,
 * and the chosen quotations with their sources.
 */
public final class GroupReportXlsx {
    public static final String TOTALS = "Hovedtall";
    public static final String REQUIREMENTS = "Lovkrav";
    public static final String INDICATORS = "Indikatorer";
    public static final String MATRIX = "Indikator x kommune";
    public static final String PLACES = "Kommuner";
    public static final String COUNTIES = "Fylker";
    /** The widest a column is made, in characters: a long quotation wraps, or is read in its cell. */
    private static final int MAX_WIDTH = 60;
    public static final String QUOTES = "Sitater";

    private GroupReportXlsx() {
    }

    public static void write(GroupReport report, Path out) throws IOException {
        GroupOverview o = report.overview();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            sheet(book, TOTALS, List.of("Tall", "Antall"), GroupReportText.totals(o));
            sheet(book, REQUIREMENTS, GroupReportText.REQUIREMENT_HEADER, GroupReportText.requirementRows(o));
            sheet(book, INDICATORS, GroupReportText.INDICATOR_HEADER, GroupReportText.indicatorRows(o));
            sheet(book, COUNTIES, GroupReportText.COUNTY_HEADER, GroupReportText.countyRows(o));
            // A row per municipality and two columns per indicator: 357 rows read and filter in a sheet, 715 columns did not.
            List<String> matrixHeader = new ArrayList<>(List.of("Fylke", "Kommune", "Sak"));
            o.indicators().forEach(i -> {
                matrixHeader.add(i.label() + " avsnitt");
                matrixHeader.add(i.label() + " funn");
            });
            List<List<String>> matrix = new ArrayList<>();
            for (GroupOverview.Place p : GroupReportText.placesInOrder(o)) {
                List<String> row = new ArrayList<>(List.of(p.county(), p.label(), p.caseId()));
                for (GroupOverview.IndicatorRow i : o.indicators()) {
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
        // Each column as wide as its longest text (in characters, within bounds): POI's autoSizeColumn lays every cell out
        // with AWT's fonts, which took seconds per column at a nationwide audit's 357 rows.
        for (int j = 0; j < header.size(); j++) {
            int longest = header.get(j).length();
            for (List<String> values : rows) {
                longest = Math.max(longest, j < values.size() ? values.get(j).length() : 0);
            }
            sheet.setColumnWidth(j, Math.min(MAX_WIDTH, longest + 2) * 256);
        }
        if (!rows.isEmpty()) {
            // a filter on each column: one county's municipalities, those with an avvik on a requirement
            sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, header.size() - 1));
        }
    }
}
