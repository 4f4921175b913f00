package no.evidens.evaluation.extraction;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.normalise.TextNormaliser;

/**
 * OCR against plain Tesseract on the same pictures: the first page of each text of a folder scanned
 * ({@link ScannedPage}), read once by {@code tesseract IMG - -l nor} and once by Evidens (extraction
 * and normalisation), each scored by word error rate against the page's body text.
 */
public final class OcrEval {
    /** The outcome for one page. */
    public record PageResult(String name, WordErrorRate tesseract, WordErrorRate evidens, String problem) {
    }

    private final TikaExtractor extractor;
    private final TextNormaliser normaliser = new TextNormaliser();

    public OcrEval(TikaExtractor extractor) {
        this.extractor = extractor;
    }

    /** Scans and reads the first page of the first {@code pages} texts of {@code folder}. */
    public List<PageResult> run(Path folder, int pages) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().limit(pages).toList();
        }
        List<PageResult> out = new ArrayList<>();
        Path tmp = Files.createTempDirectory("evidens-ocr");
        try {
            int n = 0;
            for (Path f : files) {
                n++;
                String raw = Files.readString(f, StandardCharsets.UTF_8);
                int blank = raw.indexOf("\n\n");
                ScannedPage.Page page = ScannedPage.render(ReportDocx.paragraphs(blank < 0 ? raw : raw.substring(blank + 2)),
                        n, f.getFileName().toString().hashCode());
                Path png = tmp.resolve(f.getFileName() + ".png");
                ImageIO.write(page.image(), "png", png.toFile());
                WordErrorRate plain = WordErrorRate.of(page.expectedText(), tesseract(png));
                try {
                    String text = normaliser.normalise(extractor.extract(png)).text();
                    out.add(new PageResult(f.getFileName().toString(), plain, WordErrorRate.of(page.expectedText(), text), null));
                } catch (ExtractionException e) {
                    out.add(new PageResult(f.getFileName().toString(), plain,
                            new WordErrorRate(page.expectedText().split("\\s+").length, page.expectedText().split("\\s+").length),
                            e.getMessage()));
                }
                Files.delete(png);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    /** What plain {@code tesseract IMG - -l nor} reads. */
    static String tesseract(Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tesseract", image.toString(), "-", "-l", TikaExtractor.OCR_LANGUAGE)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return text;
    }

    /** One row per page and a total: words, WER of plain Tesseract and of Evidens. */
    public static void print(List<PageResult> results, PrintWriter out) {
        out.printf("  %-12s %6s %10s %10s%n", "page", "words", "tesseract", "evidens");
        WordErrorRate plain = new WordErrorRate(0, 0);
        WordErrorRate ours = new WordErrorRate(0, 0);
        for (PageResult r : results) {
            plain = plain.plus(r.tesseract());
            ours = ours.plus(r.evidens());
            out.printf(java.util.Locale.ROOT, "  %-12s %6d %9.2f%% %9.2f%%%s%n", r.name(), r.tesseract().words(), 100 * r.tesseract().rate(),
                    100 * r.evidens().rate(), r.problem() == null ? "" : "  failed: " + r.problem());
        }
        out.printf(java.util.Locale.ROOT, "  %-12s %6d %9.2f%% %9.2f%%%n", "all", plain.words(), 100 * plain.rate(), 100 * ours.rate());
        out.flush();
    }
}
