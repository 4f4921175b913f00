package no.evidens.pipeline.group;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** The bar charts of a group's summary report, drawn with JFreeChart into PNG images. */
public final class GroupCharts {
    public static final int WIDTH = 900;
    private static final Color AVVIK = new Color(0xB0, 0x3A, 0x2E);
    private static final Color MERKNAD = new Color(0xE0, 0xA4, 0x58);
    private static final Color PASSAGES = new Color(0x3B, 0x6E, 0xA5);
    private static final Color NONE = new Color(0x9E, 0xB8, 0x9A);

    /** One bar of a series: its category and its value. */
    public record Bar(String category, int value) {
    }

    private GroupCharts() {
    }

    /** Municipalities with an avvik and with a merknad, per legal requirement. */
    public static byte[] perRequirement(GroupOverview o) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (GroupOverview.RequirementRow r : o.requirements()) {
            data.addValue(r.avvik().size(), "Kommuner med avvik", r.requirement());
            data.addValue(r.merknad().size(), "Kommuner med merknad", r.requirement());
        }
        return png(chart("Funn per lovkrav", "Antall kommuner", data, AVVIK, MERKNAD), Math.max(320, 130 + 70 * o.requirements().size()));
    }

    /**
     * The municipalities of each county by what they got (avvik, merknader only, no finding), a stacked bar per county: at
     * a nationwide audit's size a bar per municipality could not be read, a bar per county can.
     */
    public static byte[] perCounty(GroupOverview o) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<GroupReportText.County> counties = GroupReportText.counties(o);
        for (GroupReportText.County c : counties) {
            data.addValue(c.withAvvik(), "Med avvik", c.county());
            data.addValue(c.withMerknadOnly(), "Med bare merknader", c.county());
            data.addValue(c.withoutFindings(), "Uten funn", c.county());
        }
        JFreeChart chart = style(ChartFactory.createStackedBarChart("Kommuner per fylke", null, "Antall kommuner", data,
                PlotOrientation.HORIZONTAL, true, false, false), AVVIK, MERKNAD);
        ((BarRenderer) chart.getCategoryPlot().getRenderer()).setSeriesPaint(2, NONE);
        return png(chart, Math.max(320, 130 + 40 * counties.size()));
    }

    /** Findings and municipalities per indicator (indicators with neither left out). */
    public static byte[] perIndicator(GroupOverview o) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<GroupOverview.IndicatorRow> rows = GroupReportText.citedIndicators(o);
        for (GroupOverview.IndicatorRow i : rows) {
            data.addValue(i.findings(), "Funn som siterer indikatoren", i.label());
            data.addValue(GroupReportText.withFindings(i), "Kommuner med slike funn", i.label());
        }
        return png(chart("Funn per indikator", "Antall", data, AVVIK, PASSAGES), Math.max(320, 130 + 55 * rows.size()));
    }

    private static JFreeChart chart(String title, String valueLabel, DefaultCategoryDataset data, Color first, Color second) {
        return style(ChartFactory.createBarChart(title, null, valueLabel, data, PlotOrientation.HORIZONTAL, true, false, false), first, second);
    }

    private static JFreeChart style(JFreeChart chart, Color first, Color second) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, first);
        renderer.setSeriesPaint(1, second);
        renderer.setItemMargin(0.05);
        CategoryAxis categories = plot.getDomainAxis();
        categories.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        values.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        values.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        return chart;
    }

    private static byte[] png(JFreeChart chart, int height) throws IOException {
        BufferedImage image = chart.createBufferedImage(WIDTH, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
