package no.evidens.pipeline.page;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.EvidensHome;

/**
 * The original page of an indexed PDF or scanned image, as a PNG rendered on the server (PDFBox) at a
 * bounded size and kept under {@code <home>/pages/<sha256>/} (a file's pages never change for its hash),
 * and where a quotation stands on it.
 */
public final class PageImages {
    /** At most this resolution, and at most {@link #MAX_WIDTH} × {@link #MAX_HEIGHT} pixels. */
    static final float MAX_DPI = 110f;
    static final int MAX_WIDTH = 1400;
    static final int MAX_HEIGHT = 2000;

    /**
     * Where a quotation stands on its page.
     *
     * @param page  the page (from 1) the quotation starts on
     * @param boxes its outline, as fractions of the page; empty when it cannot be placed (a scan, a page
     *              whose glyphs do not hold the words)
     */
    public record Outline(int page, List<QuoteBoxes.Box> boxes) {
    }

    private final Path cache;

    public PageImages(EvidensHome home) {
        this.cache = home.root().resolve("pages");
    }

    /** Deletes the page images rendered of a file (when its document is deleted: a journal's pages are personal data). */
    public static void forget(EvidensHome home, String sha256) throws IOException {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            return;
        }
        Path dir = home.root().resolve("pages").resolve(sha256);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Whether the workspace can show the document's original pages: a PDF, or an image (a scan). */
    public static boolean renders(IndexedDocument doc) {
        return isPdf(doc) || isImage(doc);
    }

    private static boolean isPdf(IndexedDocument doc) {
        return doc.mediaType() != null && doc.mediaType().toLowerCase(Locale.ROOT).startsWith("application/pdf");
    }

    private static boolean isImage(IndexedDocument doc) {
        return doc.mediaType() != null && doc.mediaType().toLowerCase(Locale.ROOT).startsWith("image/");
    }

    /** The page (from 1) as a PNG, or empty when it cannot be rendered (not a PDF or image, no such page, source gone). */
    public Optional<byte[]> png(IndexedDocument doc, String bundle, int page) throws IOException {
        if (!renders(doc) || page < 1 || page > Math.max(1, doc.pages()) || !doc.sha256().matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path cached = cache.resolve(doc.sha256()).resolve(page + ".png");
        if (Files.isRegularFile(cached)) {
            return Optional.of(Files.readAllBytes(cached));
        }
        Optional<byte[]> source = SourceBytes.read(bundle, doc.file(), doc.sha256());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image = isPdf(doc) ? renderPdf(source.get(), page) : scaled(ImageIO.read(new ByteArrayInputStream(source.get())));
        if (image == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png = out.toByteArray();
        Files.createDirectories(cached.getParent());
        Path tmp = Files.createTempFile(cached.getParent(), ".page-", ".png");
        Files.write(tmp, png);
        Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(png);
    }

    /** Where the span {@code [start, end)} of the document's text stands on the page it starts on. */
    public Outline outline(IndexedDocument doc, String bundle, int start, int end) throws IOException {
        List<Integer> starts = doc.pageStarts().isEmpty() ? List.of(0) : doc.pageStarts();
        int page = 1;
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i) <= start) {
                page = i + 1;
            }
        }
        if (!isPdf(doc) || start < 0 || end <= start || end > doc.text().length()) {
            return new Outline(page, List.of());
        }
        int pageStart = starts.get(page - 1);
        int pageEnd = page < starts.size() ? starts.get(page) : doc.text().length();
        String onPage = doc.text().substring(start, Math.min(end, pageEnd));
        double where = pageEnd > pageStart ? (start - pageStart) / (double) (pageEnd - pageStart) : 0;
        Optional<byte[]> source = SourceBytes.read(bundle, doc.file(), doc.sha256());
        if (source.isEmpty()) {
            return new Outline(page, List.of());
        }
        try (PDDocument pdf = Loader.loadPDF(source.get())) {
            if (page > pdf.getNumberOfPages()) {
                return new Outline(page, List.of());
            }
            return new Outline(page, QuoteBoxes.find(pdf, page, onPage, where));
        }
    }

    private static BufferedImage renderPdf(byte[] bytes, int page) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            if (page > pdf.getNumberOfPages()) {
                return null;
            }
            PDRectangle box = pdf.getPage(page - 1).getCropBox();
            float dpi = Math.min(MAX_DPI, Math.min(MAX_WIDTH * 72f / box.getWidth(), MAX_HEIGHT * 72f / box.getHeight()));
            return new PDFRenderer(pdf).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
        }
    }

    /** A scanned image made no larger than the bounds, in RGB. */
    private static BufferedImage scaled(BufferedImage in) {
        if (in == null) {
            return null;
        }
        double f = Math.min(1, Math.min(MAX_WIDTH / (double) in.getWidth(), MAX_HEIGHT / (double) in.getHeight()));
        int w = Math.max(1, (int) Math.round(in.getWidth() * f));
        int h = Math.max(1, (int) Math.round(in.getHeight() * f));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(in, 0, 0, w, h, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
