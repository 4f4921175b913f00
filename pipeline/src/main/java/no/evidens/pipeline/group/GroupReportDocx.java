package no.evidens.pipeline.group;

import static no.evidens.pipeline.export.DocxText.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import no.evidens.pipeline.export.DocxHeadings;

/**
 * The summary report of a group as a Word document (Apache POI): the main counts, findings by legal
 * requirement, by county and by indicator as tables and as bar charts (images), the municipalities by county with
 * the requirements each broke, those with no finding, and for each requirement the quotations the writer chose, each with its source.
 */
public final class GroupReportDocx {
    private static final String GREY = "595959";
    /** The charts' width on the page, in points (an A4 page's text is about 450 pt wide). */
    private static final int CHART_WIDTH_PT = 450;

    /** The points of the report's title, of its sections' headings and of each requirement above its examples. */
    private static final int TITLE_SIZE = 18;
    private static final int SECTION_SIZE = 14;
    private static final int REQUIREMENT_SIZE = 12;

    private GroupReportDocx() {
    }

    public static void write(GroupReport report, Path out) throws IOException {
        GroupOverview o = report.overview();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(GroupReportText.title(o));
            // Word's heading styles (the look as the bold runs had it), so a table of contents and the navigation pane see
            // the title, the sections and each requirement of the examples.
            DocxHeadings.define(doc, TITLE_SIZE, SECTION_SIZE, REQUIREMENT_SIZE);
            run(DocxHeadings.paragraph(doc, DocxHeadings.HEADING1), GroupReportText.title(o), TITLE_SIZE, true, false);
            run(doc.createParagraph(), GroupReportText.byline(report), 10, false, true);

            heading(doc, "Hovedtall");
            table(doc, List.of("Tall", "Antall"), GroupReportText.totals(o));
            run(doc.createParagraph(), GroupReportText.summary(o), 11, false, false);

            heading(doc, "Funn per lovkrav");
            table(doc, GroupReportText.REQUIREMENT_HEADER, GroupReportText.requirementRows(o, GroupReportText.NAMES_IN_CELL));
            chart(doc, GroupCharts.perRequirement(o), "funn-per-lovkrav.png");

            heading(doc, "Funn per fylke");
            table(doc, GroupReportText.COUNTY_HEADER, GroupReportText.countyRows(o));
            chart(doc, GroupCharts.perCounty(o), "kommuner-per-fylke.png");

            heading(doc, "Funn per indikator");
            table(doc, GroupReportText.INDICATOR_HEADER, GroupReportText.indicatorRows(o));
            chart(doc, GroupCharts.perIndicator(o), "funn-per-indikator.png");

            heading(doc, "Kommunene i tilsynet");
            table(doc, GroupReportText.PLACE_HEADER, GroupReportText.placeRows(o));

            heading(doc, "Kommuner uten funn");
            run(doc.createParagraph(), o.withoutFindings().isEmpty() ? "Alle kommunene fikk avvik eller merknad."
                    : String.join(", ", o.withoutFindings()) + ".", 11, false, false);

            heading(doc, "Eksempler per lovkrav");
            for (GroupOverview.RequirementRow r : o.requirements()) {
                run(DocxHeadings.paragraph(doc, DocxHeadings.HEADING3), r.requirement(), REQUIREMENT_SIZE, true, false);
                List<GroupReport.Example> examples = report.examplesOf(r.requirement());
                if (examples.isEmpty()) {
                    run(doc.createParagraph(), "Ingen sitater er valgt for rapporten.", 10, false, true);
                }
                for (GroupReport.Example e : examples) {
                    XWPFParagraph quote = doc.createParagraph();
                    quote.setIndentationLeft(567);
                    quote.setSpacingAfter(0);
                    run(quote, "«" + e.quote() + "»", 11, false, true);
                    XWPFParagraph source = doc.createParagraph();
                    source.setIndentationLeft(567);
                    run(source, e.municipality() + ", " + e.finding() + ": " + e.source(), 9, false, false).setColor(GREY);
                }
            }
            try (OutputStream os = Files.newOutputStream(out)) {
                doc.write(os);
            }
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = DocxHeadings.paragraph(doc, DocxHeadings.HEADING2);
        p.setSpacingBefore(360);
        run(p, text, SECTION_SIZE, true, false);
    }

    /** A table with a bold header row. */
    static XWPFTable table(XWPFDocument doc, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        XWPFTable t = doc.createTable(all.size(), header.size());
        t.setWidth("100%");
        for (int i = 0; i < all.size(); i++) {
            XWPFTableRow row = t.getRow(i);
            if (i == 0) {
                row.setRepeatHeader(true);
            }
            for (int j = 0; j < header.size(); j++) {
                XWPFParagraph p = row.getCell(j).getParagraphs().get(0);
                run(p, all.get(i).get(j), 10, i == 0, false);
            }
        }
        return t;
    }

    private static void chart(XWPFDocument doc, byte[] png, String name) throws IOException {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        int heightPt = CHART_WIDTH_PT * image.getHeight() / image.getWidth();
        XWPFRun r = doc.createParagraph().createRun();
        try {
            r.addPicture(new ByteArrayInputStream(png), PictureType.PNG, name, Units.toEMU(CHART_WIDTH_PT), Units.toEMU(heightPt));
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException("cannot put the chart " + name + " into the report: " + e.getMessage(), e);
        }
    }

}
