package no.evidens.evaluation.ingest;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

/**
 * Tika alone, in a JVM of its own, as a batch of its users runs it: each file through AutoDetectParser in a
 * RecursiveParserWrapper (the file and all it embeds, at any depth), its text written to a file of the output
 * folder, on {@code threads} threads, OCR off. Arguments: the list of files (one path a line), threads,
 * output folder. Prints one {@link SideResult} line.
 */
public final class TikaSide {
    private TikaSide() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = Files.readAllLines(Path.of(args[0])).stream().map(Path::of).toList();
        int threads = Integer.parseInt(args[1]);
        Path out = Files.createDirectories(Path.of(args[2]));
        AtomicInteger documents = new AtomicInteger();
        try (TreeMeter meter = new TreeMeter()) {
            AutoDetectParser parser = new AutoDetectParser();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                Path text = out.resolve(i + ".txt");
                done.add(pool.submit(() -> {
                    documents.addAndGet(parse(parser, file, text));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            double wall = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0;
            TreeMeter.Cpu cpu = meter.cpu();
            System.out.println(new SideResult(wall, cpu.withoutMeter(), meter.peakRssMb(), documents.get(), cpu.meter(), cpu.children()).line());
        }
    }

    private static int parse(AutoDetectParser parser, Path file, Path textFile) {
        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(parser);
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, -1));
        ParseContext context = new ParseContext();
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, tesseract);
        Metadata metadata = new Metadata();
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            wrapper.parse(in, handler, metadata, context);
        } catch (Exception | StackOverflowError e) {
            // Tika alone fails this file; what it read so far is kept, as its batch mode does.
        }
        StringBuilder text = new StringBuilder();
        int documents = 0;
        for (Metadata m : handler.getMetadataList()) {
            String content = m.get(TikaCoreProperties.TIKA_CONTENT);
            if (content != null && !content.isBlank()) {
                text.append(content).append('\n');
                documents++;
            }
        }
        try {
            Files.writeString(textFile, text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return documents;
    }
}
