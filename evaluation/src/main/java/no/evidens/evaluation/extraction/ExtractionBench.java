package no.evidens.evaluation.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

import no.evidens.corpus.FormatBundle;
import no.evidens.corpus.FormatDocument;
import no.evidens.corpus.SampleBundle;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.extract.IsolatedExtractor;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;

/**
 * Throughput of extraction + normalisation over the generated documents, beside Tika's plain
 * AutoDetectParser in the same run, in one thread each so that the ratio compares like with like.
 */
public final class ExtractionBench {
    /** Formats with a text layer; scans are left out (OCR would measure Tesseract, not us). */
    private static final Set<String> FORMATS = Set.of("pdf", "docx", "doc", "odt", "rtf", "html", "txt", "xlsx", "ods");

    public record Run(String name, int docs, long pages, long bytes, double seconds) {
        double pagesPerSecond() {
            return pages / seconds;
        }

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /** The documents to read: the sample and format bundles' files with a text layer, repeated to {@code count}. */
    public static List<Path> documents(Path dir, int count) throws IOException {
        SampleBundle.writeTo(dir.resolve("sample"));
        FormatBundle.writeTo(dir.resolve("formats"));
        List<Path> distinct = new ArrayList<>();
        SampleBundle.documents().forEach(d -> distinct.add(dir.resolve("sample").resolve(d.path())));
        for (FormatDocument d : FormatBundle.documents()) {
            if (!d.isChild() && !d.needsOcr() && d.expectedStatus().equals(FormatDocument.INDEXED)
                    && FORMATS.contains(d.format())) {
                distinct.add(dir.resolve("formats").resolve(d.path()));
            }
        }
        List<Path> out = new ArrayList<>(count);
        for (int i = 0; out.size() < count; i++) {
            out.add(distinct.get(i % distinct.size()));
        }
        return out;
    }

    /** Tika alone: AutoDetectParser into a BodyContentHandler with no limit; pages are ours, for the same count. */
    public static Run tikaAlone(List<Path> files, List<Integer> pages) throws Exception {
        AutoDetectParser parser = new AutoDetectParser();
        long bytes = 0;
        long t0 = System.nanoTime();
        for (Path f : files) {
            try (InputStream in = TikaInputStream.get(f)) {
                parser.parse(in, new BodyContentHandler(-1), new Metadata(), new ParseContext());
            }
            bytes += Files.size(f);
        }
        return new Run("Tika AutoDetectParser alone", files.size(), pages.stream().mapToLong(Integer::longValue).sum(),
                bytes, (System.nanoTime() - t0) / 1e9);
    }

    /** Evidens: extraction (pages, containers) + normalisation; returns the run and fills the page counts. */
    public static Run evidens(String name, Extractor extractor, List<Path> files, List<Integer> pages) throws Exception {
        TextNormaliser normaliser = new TextNormaliser();
        long bytes = 0;
        long pageCount = 0;
        boolean fill = pages.isEmpty();
        long t0 = System.nanoTime();
        for (Path f : files) {
            try {
                Extraction e = extractor.extract(f);
                NormalisedText t = normaliser.normalise(e);
                pageCount += t.pages();
                if (fill) {
                    pages.add(t.pages());
                }
            } catch (ExtractionException e) {
                if (fill) {
                    pages.add(0);
                }
            }
            bytes += Files.size(f);
        }
        return new Run(name, files.size(), pageCount, bytes, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs all three and prints them with the ratios to Tika alone. */
    public static void run(int count, PrintWriter out) throws Exception {
        Path dir = Files.createTempDirectory("evidens-bench");
        List<Path> files = documents(dir, count);
        out.printf("%d documents (%d distinct files with a text layer, repeated), one thread each, heap max %d MB%n",
                files.size(), files.stream().distinct().count(), Runtime.getRuntime().maxMemory() >> 20);
        List<Integer> pages = new ArrayList<>();
        // Warm-up: load every parser, the models of normalisation and the word list once.
        evidens("warm-up", new TikaExtractor(), files.subList(0, Math.min(files.size(), 50)), new ArrayList<>());
        tikaAlone(files.subList(0, Math.min(files.size(), 50)), List.of());
        Run ours = evidens("Evidens extraction + normalisation (in process)", new TikaExtractor(), files, pages);
        Run tika = tikaAlone(files, pages);
        Run isolated;
        try (IsolatedExtractor worker = new IsolatedExtractor(1)) {
            evidens("warm-up", worker, files.subList(0, Math.min(files.size(), 50)), new ArrayList<>());
            isolated = evidens("Evidens, Tika in a worker process (as ingest runs)", worker, files, new ArrayList<>());
        }
        out.printf("  %-52s %8s %8s %9s %8s %12s%n", "", "pages", "MB", "pages/s", "MB/s", "time ÷ Tika");
        for (Run r : List.of(tika, ours, isolated)) {
            out.printf(java.util.Locale.ROOT, "  %-52s %8d %8.1f %9.1f %8.2f %12.2f%n", r.name(), r.pages(), r.bytes() / 1e6,
                    r.pagesPerSecond(), r.megabytesPerSecond(), r.seconds() / tika.seconds());
        }
        out.printf("  peak heap used (this process): %d MB%n", peakHeapMb());
        out.flush();
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
