package no.evidens.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A4 PDF with the Standard 14 Helvetica fonts: bold title, left-aligned word wrap, blank space between
 * paragraphs, a new page on overflow and at every forced page break. The layout also tells where each
 * page begins in the expected text.
 */
final class PdfRenderer implements DocumentRenderer {

    static final float MARGIN = 72f;
    static final float TITLE_SIZE = 16f;
    static final float TITLE_LEADING = 22f;
    static final float BODY_SIZE = 11f;
    static final float BODY_LEADING = 15f;
    static final float PARAGRAPH_GAP = 8f;
    /** Space after the title: as clear a break as between body paragraphs, measured in its larger font. */
    static final float TITLE_GAP = 16f;

    private static final PDRectangle PAGE_SIZE = PDRectangle.A4;

    /** One line of text placed on a page. */
    record Line(float x, float y, boolean title, String text) {
    }

    /** Where everything goes: the lines of each page and the offset each page starts at. */
    record Layout(List<List<Line>> pages, List<Integer> pageStarts) {

        Layout {
            pages = pages.stream().map(List::copyOf).toList();
            pageStarts = List.copyOf(pageStarts);
        }
    }

    @Override
    public byte[] render(SourceText text, String title, LocalDate date) throws IOException {
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        Layout layout = layout(text, regular, bold);
        try (PDDocument document = new PDDocument()) {
            for (List<Line> lines : layout.pages()) {
                PDPage page = new PDPage(PAGE_SIZE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Line line : lines) {
                        content.beginText();
                        content.setFont(line.title() ? bold : regular, line.title() ? TITLE_SIZE : BODY_SIZE);
                        content.newLineAtOffset(line.x(), line.y());
                        content.showText(line.text());
                        content.endText();
                    }
                }
            }
            setInfo(document, title, date, text.expectedText());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The layout with the fonts the renderer uses. */
    static Layout layout(SourceText text) throws IOException {
        return layout(text, new PDType1Font(Standard14Fonts.FontName.HELVETICA),
            new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    }

    private static Layout layout(SourceText text, PDType1Font regular, PDType1Font bold) throws IOException {
        float width = PAGE_SIZE.getWidth() - 2 * MARGIN;
        float top = PAGE_SIZE.getHeight() - MARGIN;
        List<List<Line>> pages = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int[] paragraphOffsets = text.paragraphOffsets();
        float y = top;
        boolean forceNewPage = false;
        for (int p = 0; p < text.paragraphs().size(); p++) {
            boolean isTitle = p == 0;
            PDType1Font font = isTitle ? bold : regular;
            float size = isTitle ? TITLE_SIZE : BODY_SIZE;
            float leading = isTitle ? TITLE_LEADING : BODY_LEADING;
            String paragraph = text.paragraphs().get(p);
            checkEncodable(font, paragraph);
            if (text.breaksBefore().contains(p)) {
                forceNewPage = true;
            }
            String[] words = paragraph.split(" ");
            int wordOffset = paragraphOffsets[p];
            int i = 0;
            while (i < words.length) {
                // Greedy fill: at least one word per line, then as many as fit.
                int lineStart = wordOffset;
                StringBuilder line = new StringBuilder(words[i]);
                wordOffset += words[i].length() + 1;
                i++;
                while (i < words.length && widthOf(font, size, line + " " + words[i]) <= width) {
                    line.append(' ').append(words[i]);
                    wordOffset += words[i].length() + 1;
                    i++;
                }
                if (pages.isEmpty() || forceNewPage || y - leading < MARGIN) {
                    pages.add(new ArrayList<>());
                    starts.add(pages.size() == 1 ? 0 : lineStart);
                    y = top;
                    forceNewPage = false;
                }
                y -= leading;
                pages.get(pages.size() - 1).add(new Line(MARGIN, y, isTitle, line.toString()));
            }
            y -= isTitle ? TITLE_GAP : PARAGRAPH_GAP;
        }
        return new Layout(pages, starts);
    }

    private static float widthOf(PDType1Font font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }

    static void checkEncodable(PDType1Font font, String paragraph) throws IOException {
        for (int i = 0; i < paragraph.length(); ) {
            int cp = paragraph.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(String.format(
                    "character U+%04X cannot be written with %s (WinAnsiEncoding)", cp, font.getName()), e);
            }
            i += Character.charCount(cp);
        }
    }

    /** Fixed document information and a file identifier derived from {@code seed}: equal input, equal bytes. */
    static void setInfo(PDDocument document, String title, LocalDate date, String seed) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor("Fjordvik kommune (fiktiv)");
        info.setCreator("Evidens corpus");
        info.setProducer("Evidens corpus");
        Calendar when = calendarOf(date);
        info.setCreationDate(when);
        info.setModificationDate(when);
        document.getDocument().getTrailer().setItem(COSName.ID, fixedId(seed, title, date));
    }

    static Calendar calendarOf(LocalDate date) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth(), 12, 0, 0);
        return calendar;
    }

    /** A file identifier derived from the content, so that equal input gives equal bytes. */
    private static COSArray fixedId(String seed, String title, LocalDate date) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((title + "\n" + date + "\n" + seed).getBytes(StandardCharsets.UTF_8));
            byte[] id = Arrays.copyOf(sha.digest(), 16);
            COSArray array = new COSArray();
            array.add(new COSString(id));
            array.add(new COSString(id));
            return array;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
