package no.evidens.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A4 PDF set like a printed report: justified body text hyphenated at line ends ({@link Hyphenator}),
 * one or two columns, numbered headings in bold, and a running header and a footer with the page
 * number on every page. Line-end hyphens come in four kinds, all of which extraction must handle:
 * a drawn hyphen, a soft hyphen (U+00AD, drawn), a "lost" hyphen (drawn as a line, not as text), and
 * a real hyphen that must stay ({@code NAV-} / {@code kontoret}); a line may also end in a word that
 * ends in a hyphen of its own ({@code sosial-} / {@code og}).
 */
final class JustifiedPdfRenderer {

    static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    static final float SIDE_MARGIN = 64f;
    static final float TOP = PAGE_SIZE.getHeight() - 78f;
    static final float BOTTOM = 70f;
    static final float HEADER_Y = PAGE_SIZE.getHeight() - 44f;
    static final float FOOTER_Y = 38f;
    static final float FURNITURE_SIZE = 8.5f;
    static final float TITLE_SIZE = 15f;
    static final float TITLE_LEADING = 19f;
    static final float GUTTER = 20f;

    /** A numbered heading such as "2.1 Ansvar for koordinering". */
    static final Pattern HEADING = Pattern.compile("\\d+(\\.\\d+)* \\p{Lu}[^.:;]{0,70}");

    /** How a line ends. */
    enum LineEnd {
        /** the line ends between two words (the first may end in a hyphen of its own: "sosial-" / "og") */
        SPACE,
        /** a word broken by the layout with a drawn hyphen */
        HYPHEN,
        /** a word broken by the layout with a soft hyphen U+00AD */
        SOFT_HYPHEN,
        /** a word broken by the layout with the hyphen drawn as a line: no character in the text */
        LOST_HYPHEN,
        /** a word broken after a hyphen that belongs to it ("NAV-" / "kontoret"): the hyphen stays */
        REAL_HYPHEN,
        /** the last line of a paragraph */
        PARAGRAPH
    }

    /**
     * The look of one document.
     *
     * @param columns     1 or 2
     * @param bodySize    body font size
     * @param leading     body line distance
     * @param headerLeft  running header, left
     * @param headerRight running header, right
     * @param footer      footer with {@code %d} for the page and optionally a second {@code %d} for the page count
     */
    record Style(int columns, float bodySize, float leading, String headerLeft, String headerRight, String footer) {
    }

    /** One line placed on a page; {@code start} is the offset of its first character in the expected text. */
    record Line(float x, float y, float width, float size, boolean bold, float wordSpacing, String text,
                LineEnd end, int start) {
    }

    /** The placed lines per page, where each page starts in the expected text, and the line ends. */
    record Layout(List<List<Line>> pages, List<Integer> pageStarts) {

        Layout {
            pages = pages.stream().map(List::copyOf).toList();
            pageStarts = List.copyOf(pageStarts);
        }

        List<Line> lines() {
            return pages.stream().flatMap(List::stream).toList();
        }
    }

    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Style style;

    JustifiedPdfRenderer(Style style) {
        if (style.columns() < 1 || style.columns() > 2) {
            throw new IllegalArgumentException("1 or 2 columns");
        }
        this.style = style;
    }

    byte[] render(SourceText text, String title, LocalDate date) throws IOException {
        Layout layout = layout(text);
        int pageCount = layout.pages().size();
        try (PDDocument document = new PDDocument()) {
            for (int n = 0; n < pageCount; n++) {
                PDPage page = new PDPage(PAGE_SIZE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    drawFurniture(content, header(), false);
                    for (Line line : layout.pages().get(n)) {
                        content.beginText();
                        content.setFont(line.bold() ? bold : regular, line.size());
                        content.setWordSpacing(line.wordSpacing());
                        content.newLineAtOffset(line.x(), line.y());
                        content.showText(line.text());
                        content.endText();
                        if (line.end() == LineEnd.LOST_HYPHEN) {
                            // The hyphen is a drawn dash, as some producers do: visible, but not text.
                            float x = line.x() + line.width() + 0.6f;
                            content.addRect(x, line.y() + line.size() * 0.26f, line.size() * 0.28f, line.size() * 0.07f);
                            content.fill();
                        }
                    }
                    drawFurniture(content, String.format(style.footer(), n + 1, pageCount), true);
                }
            }
            PdfRenderer.setInfo(document, title, date, text.expectedText() + "|" + style);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private String header() {
        return style.headerLeft() + "|" + style.headerRight();
    }

    private void drawFurniture(PDPageContentStream content, String text, boolean footer) throws IOException {
        float left = SIDE_MARGIN;
        float right = PAGE_SIZE.getWidth() - SIDE_MARGIN;
        if (footer) {
            float w = width(regular, FURNITURE_SIZE, text);
            showAt(content, text, (left + right - w) / 2, FOOTER_Y);
        } else {
            String[] parts = text.split("\\|", 2);
            showAt(content, parts[0], left, HEADER_Y);
            showAt(content, parts[1], right - width(regular, FURNITURE_SIZE, parts[1]), HEADER_Y);
            content.moveTo(left, HEADER_Y - 5);
            content.lineTo(right, HEADER_Y - 5);
            content.setLineWidth(0.4f);
            content.stroke();
        }
    }

    private void showAt(PDPageContentStream content, String text, float x, float y) throws IOException {
        content.beginText();
        content.setFont(regular, FURNITURE_SIZE);
        content.setWordSpacing(0);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /** Lays the text out: the title across the page, then the body in columns. */
    Layout layout(SourceText text) throws IOException {
        float fullWidth = PAGE_SIZE.getWidth() - 2 * SIDE_MARGIN;
        float columnWidth = (fullWidth - (style.columns() - 1) * GUTTER) / style.columns();
        Cursor cursor = new Cursor(columnWidth);
        int[] offsets = text.paragraphOffsets();
        int syllableBreaks = 0;
        for (int p = 0; p < text.paragraphs().size(); p++) {
            String paragraph = text.paragraphs().get(p);
            boolean title = p == 0;
            boolean heading = !title && HEADING.matcher(paragraph).matches();
            PdfRenderer.checkEncodable(regular, paragraph);
            PDType1Font font = title || heading ? bold : regular;
            float size = title ? TITLE_SIZE : heading ? style.bodySize() + 1f : style.bodySize();
            float leading = title ? TITLE_LEADING : heading ? style.leading() + 2f : style.leading();
            float width = title ? fullWidth : columnWidth;
            if (text.breaksBefore().contains(p)) {
                cursor.newColumn();
            }
            if (heading) {
                cursor.y -= style.leading() * 0.5f;
                if (cursor.y - leading - 2 * style.leading() < BOTTOM) {
                    cursor.newColumn();
                }
            }
            List<String> words = List.of(paragraph.split(" "));
            int[] wordStarts = new int[words.size()];
            for (int w = 0, pos = offsets[p]; w < words.size(); w++) {
                wordStarts[w] = pos;
                pos += words.get(w).length() + 1;
            }
            int w = 0;
            int within = 0; // characters of words[w] already placed on an earlier line
            while (w < words.size()) {
                int lineStart = wordStarts[w] + within;
                List<String> parts = new ArrayList<>();
                parts.add(words.get(w).substring(within));
                w++;
                within = 0;
                LineEnd end = null;
                String lineText = parts.get(0);
                while (w < words.size()) {
                    String candidate = lineText + " " + words.get(w);
                    if (width(font, size, candidate) <= width) {
                        lineText = candidate;
                        w++;
                        continue;
                    }
                    if (!title && !heading) {
                        // Break the next word at the last point that still fits.
                        Hyphenator.Break chosen = null;
                        for (Hyphenator.Break b : Hyphenator.breaks(words.get(w))) {
                            String head = words.get(w).substring(0, b.index()) + (b.addHyphen() ? "-" : "");
                            if (width(font, size, lineText + " " + head) <= width) {
                                chosen = b;
                            }
                        }
                        if (chosen != null) {
                            String head = words.get(w).substring(0, chosen.index());
                            if (chosen.addHyphen()) {
                                syllableBreaks++;
                                end = switch (syllableBreaks % 6) {
                                    case 2 -> LineEnd.SOFT_HYPHEN;
                                    case 5 -> LineEnd.LOST_HYPHEN;
                                    default -> LineEnd.HYPHEN;
                                };
                                head += end == LineEnd.HYPHEN ? "-" : end == LineEnd.SOFT_HYPHEN ? "\u00AD" : "";
                            } else {
                                end = LineEnd.REAL_HYPHEN;
                            }
                            lineText = lineText + " " + head;
                            within = chosen.index();
                        }
                    }
                    break;
                }
                if (end == null) {
                    // A line may also end in a word that ends in a hyphen ("sosial-" / "og"): that is SPACE.
                    end = w == words.size() ? LineEnd.PARAGRAPH : LineEnd.SPACE;
                }
                cursor.place(leading, lineStart);
                float x = title ? SIDE_MARGIN : cursor.x();
                float textWidth = width(font, size, lineText);
                float wordSpacing = 0;
                long spaces = lineText.chars().filter(c -> c == ' ').count();
                if (!title && !heading && end != LineEnd.PARAGRAPH && spaces > 0) {
                    wordSpacing = (width - textWidth) / spaces;
                    textWidth = width;
                }
                if (end == LineEnd.LOST_HYPHEN) {
                    // Keep room for the drawn dash.
                    wordSpacing = spaces > 0 ? (width - width(font, size, lineText + "-")) / spaces : 0;
                    textWidth = width - width(font, size, "-");
                }
                cursor.add(new Line(x, cursor.y, textWidth, size, title || heading, wordSpacing, lineText, end,
                    lineStart));
            }
            cursor.y -= title ? TITLE_LEADING * 0.8f : heading ? 2f : style.leading() * 0.45f;
            if (title) {
                cursor.titleBottom = cursor.y;
            }
        }
        return new Layout(cursor.pages, cursor.starts);
    }

    private static float width(PDType1Font font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    /** Where the next line goes: page, column and height. */
    private final class Cursor {
        final List<List<Line>> pages = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        final float columnWidth;
        int column;
        float y = TOP;
        float titleBottom = Float.NaN;
        boolean pending = true;

        Cursor(float columnWidth) {
            this.columnWidth = columnWidth;
        }

        float x() {
            return SIDE_MARGIN + column * (columnWidth + GUTTER);
        }

        void newColumn() {
            column++;
            if (column >= style.columns()) {
                pending = true;
            } else {
                y = pages.size() == 1 && !Float.isNaN(titleBottom) ? titleBottom : TOP;
            }
        }

        void place(float leading, int lineStart) {
            if (!pending && y - leading < BOTTOM) {
                newColumn();
            }
            if (pending) {
                pages.add(new ArrayList<>());
                starts.add(pages.size() == 1 ? 0 : lineStart);
                column = 0;
                y = TOP;
                pending = false;
            }
            y -= leading;
        }

        void add(Line line) {
            pages.get(pages.size() - 1).add(line);
        }
    }
}
