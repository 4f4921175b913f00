package no.evidens.corpus;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenDocument text (ODT) and spreadsheet (ODS) files written as plain ZIP + XML. No ODF library is
 * used: the ODF Toolkit would bring a large dependency tree for a handful of elements, and the
 * minimal package (stored {@code mimetype} first, {@code META-INF/manifest.xml}, {@code content.xml},
 * {@code meta.xml}) is short enough to write by hand and check in a test.
 */
final class OdfWriter {

    static final String TEXT_MIME = "application/vnd.oasis.opendocument.text";
    static final String SHEET_MIME = "application/vnd.oasis.opendocument.spreadsheet";

    private static final String NS = " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
        + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
        + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
        + " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " office:version=\"1.3\"";

    private OdfWriter() {
    }

    /** A text document: the title as a level-1 heading, then one paragraph per source paragraph. */
    static byte[] text(SourceText text, String title, LocalDate date) {
        StringBuilder body = new StringBuilder();
        body.append("<text:h text:outline-level=\"1\">").append(HtmlRenderer.escape(text.title())).append("</text:h>\n");
        for (String paragraph : text.body()) {
            body.append("<text:p>").append(HtmlRenderer.escape(paragraph)).append("</text:p>\n");
        }
        return pack(TEXT_MIME, "<office:text>\n" + body + "</office:text>", title, date);
    }

    /** A spreadsheet with one sheet per table; cells that are whole numbers are written as numbers. */
    static byte[] spreadsheet(List<SheetTable> tables, String title, LocalDate date) {
        StringBuilder body = new StringBuilder("<office:spreadsheet>\n");
        for (SheetTable table : tables) {
            body.append("<table:table table:name=\"").append(HtmlRenderer.escape(table.name())).append("\">\n");
            for (List<String> row : table.rows()) {
                body.append("<table:table-row>");
                for (String cell : row) {
                    if (SheetTable.isWholeNumber(cell)) {
                        body.append("<table:table-cell office:value-type=\"float\" office:value=\"").append(cell)
                            .append("\"><text:p>").append(cell).append("</text:p></table:table-cell>");
                    } else {
                        body.append("<table:table-cell office:value-type=\"string\"><text:p>")
                            .append(HtmlRenderer.escape(cell)).append("</text:p></table:table-cell>");
                    }
                }
                body.append("</table:table-row>\n");
            }
            body.append("</table:table>\n");
        }
        body.append("</office:spreadsheet>");
        return pack(SHEET_MIME, body.toString(), title, date);
    }

    private static byte[] pack(String mimeType, String body, String title, LocalDate date) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        String content = xml + "<office:document-content" + NS + ">\n<office:body>\n" + body
            + "\n</office:body>\n</office:document-content>\n";
        String meta = xml + "<office:document-meta" + NS + ">\n<office:meta>\n"
            + "<dc:title>" + HtmlRenderer.escape(title) + "</dc:title>\n"
            + "<meta:creation-date>" + date + "T12:00:00</meta:creation-date>\n"
            + "<dc:date>" + date + "T12:00:00</dc:date>\n"
            + "<meta:generator>Evidens corpus</meta:generator>\n"
            + "</office:meta>\n</office:document-meta>\n";
        String manifest = xml
            + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n"
            + " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"" + mimeType + "\"/>\n"
            + " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
            + " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
            + "</manifest:manifest>\n";
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", mimeType.getBytes(StandardCharsets.US_ASCII));
        entries.put("META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
        entries.put("content.xml", content.getBytes(StandardCharsets.UTF_8));
        entries.put("meta.xml", meta.getBytes(StandardCharsets.UTF_8));
        return ZipBytes.zip(entries, "mimetype");
    }
}
