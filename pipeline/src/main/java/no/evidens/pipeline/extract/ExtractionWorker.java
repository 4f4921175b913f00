package no.evidens.pipeline.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.SAXParserFactory;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The worker process of {@link IsolatedExtractor}: reads one request a line on stdin ({@code ID TAB PATH}, the path
 * as a JSON string: {@link #request}),
 * extracts the file on one of its threads (as many as its third argument says, one file at a time each; its fourth, the
 * seconds Tesseract may spend on one image or page) and
 * answers one line on stdout ({@code ID TAB JSON}: {@code {"extraction": …}} or a reason), in the order the
 * files are done. Tika runs here, so a parser that hangs or runs out of memory takes down this process only:
 * a thread that runs out of memory ends the whole process, so that no answer is left waiting.
 */
public final class ExtractionWorker {
    /** One answer of the worker. */
    record Answer(Extraction extraction, Reason reason, String detail) {
    }

    /** The first line a worker writes, once Tika is loaded. */
    static final String READY = "ready";
    /** Between a request's or an answer's id and the rest of its line. */
    static final char SEPARATOR = '\t';
    /**
     * Environment variable naming a folder: each worker started with it records itself with Java Flight Recorder
     * (the JDK's "profile" settings) into {@code worker-PID.jfr} there, written when it ends. The workers inherit
     * the environment of the process that starts them, so {@code EVIDENS_WORKER_JFR=DIR ./evidens ingest ...} (or
     * {@code bench ingest}) records its workers. Not through the JVM's {@code -XX:StartFlightRecording} in the
     * workers' options: that prints a line on stdout before {@link #READY}, where the caller reads only answers, so
     * the worker is taken not to have started.
     */
    static final String JFR_FOLDER = "EVIDENS_WORKER_JFR";
    /** The exit code of a worker whose thread met an error the JVM cannot go on from (out of memory). */
    static final int FATAL_EXIT = 3;

    private ExtractionWorker() {
    }

    public static void main(String[] args) throws Exception {
        int maxChars = Integer.parseInt(args[0]);
        boolean ocr = Boolean.parseBoolean(args[1]);
        int threads = args.length > 2 ? Math.max(1, Integer.parseInt(args[2])) : 1;
        int ocrTimeoutSeconds = args.length > 3 ? Integer.parseInt(args[3]) : TikaExtractor.OCR_TIMEOUT_SECONDS;
        ObjectMapper json = new ObjectMapper();
        // stdout carries the answers only; anything a library prints goes to stderr.
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        recordWhenAsked(System.getenv(JFR_FOLDER));
        pinSaxParserFactory();
        TikaExtractor extractor = new TikaExtractor(maxChars, ocr, ocrTimeoutSeconds);
        warmUp(extractor);
        answers.println(READY);
        // The caller sends at most as many files at a time as there are threads, so none waits here.
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int tab = line.indexOf(SEPARATOR);
            if (tab < 0) {
                // Not a request (the caller never sends one): no id to answer, and reading goes on.
                System.err.println("evidens worker: a request line without an id was left out");
                continue;
            }
            String id = line.substring(0, tab);
            Path file;
            try {
                file = Path.of(unescape(line.substring(tab + 1)));
            } catch (IllegalArgumentException e) {
                System.err.println("evidens worker: a request line without a readable path was left out");
                continue;
            }
            pool.execute(() -> {
                try {
                    answer(extractor, json, answers, id, file);
                } catch (Error e) {
                    // Out of memory (or worse), reading the file or writing its answer: the process ends, as a
                    // worker reading one file alone would, and the caller learns it from the closed pipe.
                    Runtime.getRuntime().halt(FATAL_EXIT);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    }

    /** Writes and reads a request's path as a JSON string (thread-safe once made). */
    private static final ObjectMapper PATHS = new ObjectMapper();

    /**
     * A request line: the id, then the file's path as a JSON string, since a file name may hold any character but the
     * slash (a line break too) and one request is one line; Jackson escapes and reads it back.
     */
    static String request(long id, Path file) {
        try {
            return id + String.valueOf(SEPARATOR) + PATHS.writeValueAsString(file.toAbsolutePath().toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a path is always a JSON string", e);
        }
    }

    /** The path of a request line as {@link #request} wrote it. */
    static String unescape(String written) {
        try {
            return PATHS.readValue(written, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a request's path: " + e.getOriginalMessage(), e);
        }
    }

    /** Starts a flight recording of this worker into {@code folder} (see {@link #JFR_FOLDER}); nothing when null. */
    static void recordWhenAsked(String folder) {
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(folder, "worker-" + ProcessHandle.current().pid() + ".jfr"));
            recording.setDumpOnExit(true);
            recording.start();
        } catch (IOException | ParseException | RuntimeException e) {
            System.err.println("evidens worker: no flight recording: " + e);
        }
    }

    /**
     * Names the SAX parser factory the JDK's look-up finds now in its system property, so that later look-ups give
     * the same factory without searching again. POI's XMLBeans asks {@link SAXParserFactory#newInstance()} for a new
     * factory for every XML part it reads, and without the property every such call
     * searches the whole class path (some 200 jars) for a service file no jar has, to fall back on the JDK's own
     * factory (22 look-ups as the worker starts, 4-5 for each Word file; 11-13 us each against under 1 us with the
     * property, 2026-12-02). The property is left as it is when already set.
     */
    static void pinSaxParserFactory() {
        String property = SAXParserFactory.class.getName();
        if (System.getProperty(property) == null) {
            System.setProperty(property, SAXParserFactory.newInstance().getClass().getName());
        }
    }

    private static void answer(TikaExtractor extractor, ObjectMapper json, PrintStream answers, String id, Path file) {
        Answer answer;
        try {
            answer = new Answer(extractor.extract(file), null, null);
        } catch (ExtractionException e) {
            answer = new Answer(null, e.reason(), e.detail());
        } catch (RuntimeException | StackOverflowError e) {
            answer = new Answer(null, Reason.PARSER_CRASHED, Failures.detail(e));
        }
        String line;
        try {
            line = id + SEPARATOR + json.writeValueAsString(answer);
        } catch (JsonProcessingException | RuntimeException e) {
            // An answer that cannot be written ends the worker, as it always did: the file is then read alone.
            Runtime.getRuntime().halt(FATAL_EXIT);
            return;
        }
        synchronized (answers) {
            answers.println(line);
        }
    }

    /**
     * Reads one small text before the worker says it is ready, so that loading Tika's detectors and
     * parsers (seconds on a busy machine) is not counted in the first real file's time limit.
     */
    private static void warmUp(TikaExtractor extractor) {
        try {
            Path probe = Files.createTempFile("evidens-warmup-", ".txt");
            try {
                Files.writeString(probe, "Oppvarming av tekstuttrekk.\n", StandardCharsets.UTF_8);
                extractor.extract(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | ExtractionException | RuntimeException e) {
            // Only a warm-up: the real files will say what is wrong, if anything.
        }
    }
}
