package no.evidens.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** An Excel workbook (POI XSSF) with one sheet per table; fixed core dates and ZIP entry times. */
final class XlsxRenderer {

    private XlsxRenderer() {
    }

    static byte[] render(List<SheetTable> tables, String title, LocalDate date) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            for (SheetTable table : tables) {
                Sheet sheet = workbook.createSheet(table.name());
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<String> cells = table.rows().get(r);
                    for (int c = 0; c < cells.size(); c++) {
                        String cell = cells.get(c);
                        if (SheetTable.isWholeNumber(cell)) {
                            row.createCell(c).setCellValue(Long.parseLong(cell));
                        } else {
                            row.createCell(c).setCellValue(cell);
                        }
                    }
                }
            }
            POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
            Date when = Date.from(date.atTime(12, 0).toInstant(ZoneOffset.UTC));
            core.setTitle(title);
            core.setCreator("Fjordvik kommune (fiktiv)");
            core.setCreated(Optional.of(when));
            core.setModified(Optional.of(when));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return ZipBytes.normalise(out.toByteArray());
        }
    }
}
