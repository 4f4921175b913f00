package no.evidens.evaluation.peers;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.RecursiveParserWrapperHandler;

import no.evidens.pipeline.extract.TikaExtractor;

/**
 * Apache Tika alone, in this process, as its own users run it: AutoDetectParser inside a
 * RecursiveParserWrapper, so the text of the file and of everything embedded in it at any depth is
 * counted. Same OCR language and time limit per file as Evidens; a parser that hangs is abandoned.
 * What Tika's archive parsers write as an archive's own text (the names of its entries) is not counted:
 * it is no text of the file (Evidens lists each entry in the receipt instead), and an archive that holds
 * itself ({@code droste.zip}, {@code quine.gz}) would repeat its names at every level Tika opens.
 */
final class TikaAlone implements AutoCloseable {
    /** Seconds Tika alone may take on one file. */
    static final int TIMEOUT_SECONDS = 120;

    private final AutoDetectParser parser = new AutoDetectParser();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tika-alone");
        t.setDaemon(true);
        return t;
    });
    private final boolean ocr = TikaExtractor.tesseractInstalled();

    /** What Tika alone gave: all its text over the file and its embedded documents, or why it gave none. */
    record Result(String text, int documents, String mediaType, String problem) {
    }

    Result read(Path file) {
        Future<Result> f = pool.submit(() -> parse(file));
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            return new Result("", 0, null, "timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result("", 0, null, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new Result("", 0, null, e.getCause().getClass().getSimpleName());
        }
    }

    private Result parse(Path file) {
        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(parser);
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, TikaExtractor.DEFAULT_MAX_CHARS));
        ParseContext context = new ParseContext();
        TesseractOCRConfig tesseract = new TesseractOCRConfig();
        tesseract.setSkipOcr(!ocr);
        tesseract.setLanguage(TikaExtractor.OCR_LANGUAGE);
        context.set(TesseractOCRConfig.class, tesseract);
        Metadata metadata = new Metadata();
        String problem = null;
        try (InputStream in = TikaInputStream.get(file, metadata)) {
            wrapper.parse(in, handler, metadata, context);
        } catch (Exception | StackOverflowError e) {
            problem = e.getClass().getSimpleName();
        }
        List<Metadata> all = handler.getMetadataList();
        StringBuilder text = new StringBuilder();
        for (Metadata m : all) {
            String content = m.get(TikaCoreProperties.TIKA_CONTENT);
            if (content != null && !isArchiveListing(m)) {
                text.append(content).append('\n');
            }
        }
        String type = all.isEmpty() ? metadata.get(Metadata.CONTENT_TYPE) : all.get(0).get(Metadata.CONTENT_TYPE);
        return new Result(text.toString(), all.size(), type, problem);
    }

    /** Whether Tika's archive parsers (zip, tar, 7z, rar, gzip, bzip2 …) read this part: its text is entry names. */
    static boolean isArchiveListing(Metadata m) {
        String[] parsedBy = m.getValues(TikaCoreProperties.TIKA_PARSED_BY);
        return parsedBy.length > 0 && parsedBy[parsedBy.length - 1].startsWith("org.apache.tika.parser.pkg.");
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
