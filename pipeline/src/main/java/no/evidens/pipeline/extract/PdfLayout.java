package no.evidens.pipeline.extract;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Where things stand on the pages of a PDF, which Tika's text does not keep: one pass over the words of each
 * page, for the margins ({@link PdfMargins}), the hyphens drawn as shapes ({@link PdfDrawnHyphens}) and the
 * paragraphs ({@link PdfParagraphs}); read from the very document Tika loaded ({@link OpenPdfLayout}), so a PDF
 * is parsed once, or from the file loaded again where Tika's document was not seen open.
 */
final class PdfLayout {
    /**
     * A word on a page: its text; its top, height, left and right edge as read (from the top left of the
     * page, turned with the text); where it ends and its baseline on the page; its size.
     */
    record Word(String text, float top, float height, float left, float right, double endX, double baseline, double size) {
    }

    /**
     * @param marginLines  for each page, the lines standing apart in its top or bottom margin
     * @param drawnHyphens the line ends with a hyphen drawn as a shape, as {@code lastWord-firstWordOfNextLine}
     * @param joins        for each page, the line ends inside a paragraph ({@link PdfParagraphs})
     */
    record Result(List<List<String>> marginLines, Set<String> drawnHyphens, List<List<PdfParagraphs.Join>> joins) {
        static final Result NONE = new Result(List.of(), Set.of(), List.of());

        /** The same, with an empty margin list for each page past those it has, up to {@code pages}. */
        Result padded(int pages) {
            if (marginLines.size() >= pages) {
                return this;
            }
            List<List<String>> all = new ArrayList<>(marginLines);
            while (all.size() < pages) {
                all.add(List.of());
            }
            return new Result(all, drawnHyphens, joins);
        }
    }

    private PdfLayout() {
    }

    /**
     * The layout of {@code pdf}, loaded again from its file, with a (possibly empty) margin list for each of its
     * {@code pages}: for a PDF whose document Tika did not leave open to {@link OpenPdfLayout}.
     */
    static Result read(Path pdf, int pages) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return of(doc).padded(pages);
        } catch (IOException | RuntimeException unreadable) {
            return Result.NONE.padded(pages);
        }
    }

    /**
     * The layout of a loaded document (Tika's own, while it is open): for each page, its margin lines, the
     * hyphens drawn on it and its joins; nothing at all when a page cannot be read.
     */
    static Result of(PDDocument doc) {
        List<PdfMargins.Page> margins = new ArrayList<>();
        Set<String> hyphens = new LinkedHashSet<>();
        List<List<PdfParagraphs.Join>> joins = new ArrayList<>();
        try {
            // The words of page p are those of the p-th page the page tree's walk meets (as PDFBox's getText reads
            // pages); its size and bars, those of page p by number. The two are one page in all but a broken tree.
            List<PDPage> walked = new ArrayList<>();
            doc.getPages().forEach(walked::add);
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDPage page = doc.getPage(p - 1);
                PageReader read = PageReader.read(doc, p <= walked.size() ? walked.get(p - 1) : null, page);
                margins.add(PdfMargins.page(read.words, page.getMediaBox().getHeight()));
                hyphens.addAll(PdfDrawnHyphens.wordsBefore(read.words, read.bars()));
                joins.add(PdfParagraphs.joins(read.words));
            }
        } catch (IOException | RuntimeException unreadable) {
            return Result.NONE;
        }
        return new Result(PdfMargins.marginLines(margins), hyphens, joins);
    }

    /**
     * One page's words, in the order the page writes them, and the bars drawn on it, read in one pass over its
     * content stream where it can reach no Type 3 font (whose glyphs may draw bars only a graphics pass sees).
     *
     * <p>A stripper of its own for each page, as PDFBox's {@code getText} for one page gave one: its state
     * (marked content, paragraph) starts afresh on every page. It reads its one page where {@code getText}
     * with a start and end page walked the whole page tree for each page, and it writes no text.
     */
    static final class PageReader extends PDFTextStripper {
        private final PDPage page;
        private final PDPage barsPage;
        private final List<Word> words = new ArrayList<>();
        /** The bars, collected in this pass; null where the page's bars are read by a graphics pass of their own. */
        private final PdfDrawnHyphens.Collector bars;

        private PageReader(PDPage page, PDPage barsPage, boolean barsToo) {
            this.page = page;
            this.barsPage = barsPage;
            this.bars = barsToo ? new PdfDrawnHyphens.Collector() : null;
            if (barsToo) {
                PdfDrawnHyphens.addOperators(this, bars);
            }
            // The order the page writes its text, as Tika reads it: a line's next word is the next line's first.
            setSortByPosition(false);
            // Every glyph kept, as Tika's own stripper keeps them (its PDFParserConfig's default; PDFBox's is to drop a
            // glyph drawn again where the same one stands): the words are then those of Tika's text, and the pass skips
            // PDFBox's look-up of every glyph among those drawn before it (29% of this pass's CPU, flight recording of
            // 2026-12-02 over the 200 PDFs of the generated bundle).
            setSuppressDuplicateOverlappingText(false);
        }

        /**
         * The words of {@code page} (none where it is null), and the bars of {@code barsPage}: read in the same pass
         * where the two are one page with content and no Type 3 font, else by a graphics pass of their own.
         */
        static PageReader read(PDDocument doc, PDPage page, PDPage barsPage) throws IOException {
            // A page without content has no words (the stripper passes it by) and is left to the graphics pass, as
            // one with a Type 3 font is.
            boolean barsToo = page != null && page.getCOSObject() == barsPage.getCOSObject() && page.hasContents()
                    && !Type3Fonts.reachable(page);
            PageReader reader = new PageReader(page, barsPage, barsToo);
            reader.writeText(doc, Writer.nullWriter());
            return reader;
        }

        List<PdfDrawnHyphens.Bar> bars() throws IOException {
            return bars != null ? bars.bars() : PdfDrawnHyphens.bars(barsPage);
        }

        @Override
        protected void processPages(PDPageTree pages) throws IOException {
            if (page != null && page.hasContents()) {
                processPage(page);
            }
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
                return;
            }
            TextPosition first = positions.get(0);
            TextPosition last = positions.get(positions.size() - 1);
            words.add(new Word(text.strip(), first.getYDirAdj() - first.getHeightDir(), Math.max(1f, first.getHeightDir()),
                    first.getXDirAdj(), last.getXDirAdj() + last.getWidthDirAdj(),
                    last.getTextMatrix().getTranslateX() + last.getWidth(), last.getTextMatrix().getTranslateY(),
                    Math.max(1, last.getFontSizeInPt())));
        }
    }
}
