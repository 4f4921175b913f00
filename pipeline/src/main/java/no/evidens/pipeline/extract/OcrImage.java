package no.evidens.pipeline.extract;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * A picture cleaned for Tesseract: grey, with a 3×3 median filter that takes out the specks a scanner
 * leaves (which Tesseract reads as "|", "—", "*") while strokes of letters stay. Chosen by measuring
 * with {@code evidens eval ocr} (200 dpi grey scans of eval-dev): it lowered plain Tesseract's word
 * errors by about a quarter, where upscaling and other page segmentation modes did not help. Written
 * here because neither Tika nor Tesseract's command line offers a median filter, and ImageMagick, which
 * Tika's own preprocessing calls, is not a dependency of Evidens.
 */
final class OcrImage {
    private OcrImage() {
    }

    /** A cleaned copy of {@code image} as a temporary PNG (the caller deletes it), or null where Java cannot read it. */
    static Path cleaned(Path image) throws IOException {
        BufferedImage in;
        try {
            if (pixels(image) > MAX_PIXELS) {
                return null; // too large to clean in memory: Tesseract reads the original as it is
            }
            in = ImageIO.read(image.toFile());
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
        if (in == null) {
            return null;
        }
        BufferedImage grey = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(in, 0, 0, null);
        Path out = Files.createTempFile("evidens-ocr", ".png");
        ImageIO.write(median(grey), "png", out.toFile());
        return out;
    }

    /** Largest picture cleaned (a 200 dpi A3 page is about 8 million pixels); a hostile header may claim far more. */
    private static final long MAX_PIXELS = 40_000_000L;

    /** The picture's size from its header, without decoding it; 0 when no reader knows the format. */
    private static long pixels(Path image) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 0;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Each pixel the median of its 3×3 neighbourhood (edges repeated). */
    static BufferedImage median(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        Raster r = grey.getRaster();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster o = out.getRaster();
        int[] v = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        v[n++] = r.getSample(Math.min(w - 1, Math.max(0, x + dx)), Math.min(h - 1, Math.max(0, y + dy)), 0);
                    }
                }
                Arrays.sort(v);
                o.setSample(x, y, 0, v[4]);
            }
        }
        return out;
    }
}
