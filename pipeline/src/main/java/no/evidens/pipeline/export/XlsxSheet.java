package no.evidens.pipeline.export;

import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * A sheet of the spreadsheets Evidens writes (the findings, the overview, a group's report, a batch search's matrix): its
 * first row the header in bold, frozen so it stays in view while the rows scroll.
 */
public final class XlsxSheet {
    /** The media type of an Excel workbook, as a download names it. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxSheet() {
    }

    /**
     * A new sheet of {@code book} with the header in its first row.
     *
     * @param frozenColumns how many columns from the left stay in view too (the row's label, say), 0 for none
     */
    public static Sheet withHeader(Workbook book, String name, List<String> header, int frozenColumns) {
        Sheet sheet = book.createSheet(name);
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row head = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            head.createCell(c).setCellValue(header.get(c));
            head.getCell(c).setCellStyle(bold);
        }
        sheet.createFreezePane(frozenColumns, 1);
        return sheet;
    }
}
