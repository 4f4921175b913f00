package no.evidens.pipeline.extract;

import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.SAXException;

/**
 * The handler of one parse, which hands Tika's output on to {@link PageTextHandler} and, when the parse was a
 * PDF's, reads the PDF's layout ({@link PdfLayout}) from the very document Tika's PDF parser loaded, so that
 * PDFBox loads and reads the file once for Tika's text and the layout together.
 *
 * <p>Tika's {@code PDFParser} leaves its loaded {@code PDDocument} on the input stream it was given, as the
 * stream's open container (its page renderer takes it from there), and closes it only after the end of the
 * document has been written. The layout is read at that end: after Tika's text (which is thus made exactly as
 * before), before the document is closed. Tika has no other hook between its loading of a PDF and its closing
 * of it (its text stripper is its own class, not configurable), hence this decorator. Where no open document is
 * seen (another format; a parse broken off), {@link #layout} loads the file again, as before.
 */
final class OpenPdfLayout extends ContentHandlerDecorator {
    private final PageTextHandler text;
    private final TikaInputStream in;
    /** The layout read from Tika's document, or null when none was seen open. */
    private PdfLayout.Result layout;

    /**
     * @param text the handler that collects the text and its pages
     * @param in   the stream given to Tika for this parse, or null for a parse that broke off (whose layout,
     *             if it is wanted, is read from the file again)
     */
    OpenPdfLayout(PageTextHandler text, TikaInputStream in) {
        super(text);
        this.text = text;
        this.in = in;
    }

    @Override
    public void endDocument() throws SAXException {
        if (layout == null && in != null && in.getOpenContainer() instanceof PDDocument doc) {
            try {
                layout = PdfLayout.of(doc);
            } catch (StackOverflowError tooDeep) {
                // Left to the second load, which fails as it did before, outside Tika's parse.
                layout = null;
            }
        }
        super.endDocument();
    }

    /** The text and pages of the parse. */
    PageTextHandler text() {
        return text;
    }

    /** Whether the layout was read from the document Tika loaded (no second load). */
    boolean readFromTikasDocument() {
        return layout != null;
    }

    /**
     * The layout of {@code file}, a PDF, with a margin list for each of its {@code pages}: the one read from
     * Tika's document, else read from the file loaded again.
     */
    PdfLayout.Result layout(Path file, int pages) {
        return layout != null ? layout.padded(pages) : PdfLayout.read(file, pages);
    }
}
