package no.evidens.pipeline.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.renderer.RenderResult;
import org.apache.tika.renderer.pdf.pdfbox.PDFBoxRenderer;

/**
 * Tika's PDFBox page renderer, with each page it renders for OCR cleaned as a picture file is
 * ({@link OcrImage}: grey, median filter) before Tesseract reads it, so that a scanned PDF is read as
 * well as the same scan as an image file. Tika offers no hook between rendering and OCR other than its
 * renderer, hence this subclass.
 */
final class CleanedPdfRenderer extends PDFBoxRenderer {
    private static final long serialVersionUID = 1L;

    @Override
    protected RenderResult renderPage(PDFRenderer renderer, int id, int pageIndex, Metadata metadata, ParseContext context)
            throws IOException {
        RenderResult page = super.renderPage(renderer, id, pageIndex, metadata, context);
        if (page.getStatus() == RenderResult.STATUS.SUCCESS) {
            cleanInPlace(page);
        }
        return page;
    }

    /** Replaces the rendered picture by its cleaned copy; leaves it as it is where it cannot be cleaned. */
    static void cleanInPlace(RenderResult page) throws IOException {
        Path picture;
        try (InputStream in = page.getInputStream()) {
            if (!(in instanceof TikaInputStream tis) || !tis.hasFile()) {
                return;
            }
            picture = tis.getPath();
        }
        Path cleaned = OcrImage.cleaned(picture);
        if (cleaned != null) {
            Files.move(cleaned, picture, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
