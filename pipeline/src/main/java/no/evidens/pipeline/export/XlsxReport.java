package no.evidens.pipeline.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import no.evidens.pipeline.CleanText;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/**
 * The findings as an Excel workbook (Apache POI): the CSV's rows and columns ({@link CsvReport#rows}), which Norwegian
 * Excel, expecting «;» between fields, shows in one cell each. The columns' headings in the export's language, the header
 * row bold and frozen; text stays text (a fødselsnummer-like number or «0123» is never made a number, the cells are
 * formatted as text so an edit keeps it so), and a long text wraps in its cell, its line breaks kept.
 */
final class XlsxReport {
    /** The columns' widths in characters, in the order of {@link CsvReport#HEADER}. */
    private static final int[] WIDTHS = {12, 12, 12, 11, 8, 40, 40, 60, 10, 10, 11, 60, 40, 30, 30, 16, 7, 8, 9, 9, 20, 20,
        40, 24, 24};
    /** A column this wide or wider wraps its text (a quotation, a finding's text); a narrower one holds an id or a number. */
    private static final int WRAPPED = 30;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private XlsxReport() {
    }

    static byte[] bytes(CaseExport export, Language language) throws IOException {
        ReportText words = ReportText.of(language);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.getProperties().getCoreProperties().setTitle(words.heading() + " – " + export.caseId());
            List<String> header = Arrays.stream(CsvReport.HEADER).map(words::column).toList();
            Sheet sheet = XlsxSheet.withHeader(book, words.heading(), header, 0);
            CellStyle text = textStyle(book, false);
            CellStyle wrapped = textStyle(book, true);
            CellStyle number = book.createCellStyle();
            number.setVerticalAlignment(VerticalAlignment.TOP);
            int r = 1;
            // the CSV's stance is a program's value (supports); the workbook, read by a report writer, says it in words
            int stance = Arrays.asList(CsvReport.HEADER).indexOf("stance");
            for (Object[] values : CsvReport.rows(export, SearchFilterWords::of, Texts.of(language))) {
                if (values[stance] != null) {
                    values[stance] = words.stanceWords(values[stance].toString());
                }
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    if (values[c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                        row.getCell(c).setCellStyle(number);
                    } else if (values[c] != null) {
                        row.createCell(c).setCellValue(cellText(values[c].toString()));
                        row.getCell(c).setCellStyle(WIDTHS[c] >= WRAPPED ? wrapped : text);
                    }
                }
            }
            for (int c = 0; c < WIDTHS.length; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(r - 1, 1), 0, WIDTHS.length - 1));
            book.write(out);
            return out.toByteArray();
        }
    }

    /** Cells formatted as text («@»): what is typed into one stays as typed, as a number written into it did. */
    private static CellStyle textStyle(XSSFWorkbook book, boolean wrap) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
        style.setWrapText(wrap);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    /**
     * The text of a cell: broken characters repaired, and cut (marked by «…») at the most a cell holds, 32 767 characters,
     * where POI would refuse the whole workbook.
     */
    static String cellText(String value) {
        String clean = CleanText.repaired(value);
        if (clean.length() <= MAX_TEXT) {
            return clean;
        }
        int cut = Character.isHighSurrogate(clean.charAt(MAX_TEXT - 2)) ? MAX_TEXT - 2 : MAX_TEXT - 1;
        return clean.substring(0, cut) + "…";
    }
}
