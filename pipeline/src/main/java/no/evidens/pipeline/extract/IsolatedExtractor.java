package no.evidens.pipeline.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs Tika in worker processes ({@link ExtractionWorker}), one file at a time each, with a time limit
 * per file and a heap of their own: a parser that hangs is stopped, one that exhausts memory or
 * crashes takes its worker down, never the ingestion. A new worker replaces a lost one.
 *
 * <p>Tika's own ForkParser isolates a parser too, but it streams SAX events back and cannot carry our
 * handling of containers (each attachment a document of its own) or OCR settings; so the whole
 * {@link TikaExtractor} runs in the worker, and its result comes back as JSON.
 */
public final class IsolatedExtractor implements Extractor {
    /** Default seconds one file may take (OCR of a long scan is slow). */
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;
    /** How long the worker that writes the class-data archive may take to end and write it. */
    private static final long ARCHIVE_MILLIS = 60_000;
    /** How long a new worker may take to start. */
    private static final long START_MILLIS = 120_000;

    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final List<Worker> all = new ArrayList<>();
    private final int maxChars;
    /** Whether the workers OCR; null until the first worker starts, when Tesseract is looked for. */
    private Boolean ocr;
    private final long timeoutMillis;
    private final int size;
    private final Optional<WorkerArchive> archive = WorkerArchive.forClassPath();
    private int started;

    /**
     * @param workers at most this many workers; fewer when more would cross the memory bound
     *                ({@link MemoryBound#workers(int)})
     */
    public IsolatedExtractor(int workers, int maxChars, boolean ocr, int timeoutSeconds) {
        this.size = MemoryBound.workers(workers);
        this.maxChars = maxChars;
        this.ocr = ocr;
        this.timeoutMillis = timeoutSeconds * 1000L;
    }

    /**
     * OCR when Tesseract is installed: looked for when the first worker starts, so an ingestion that reads no
     * file (a re-ingest of an unchanged bundle) neither loads Tika nor runs Tesseract.
     */
    public IsolatedExtractor(int workers) {
        this(workers, TikaExtractor.DEFAULT_MAX_CHARS, false, DEFAULT_TIMEOUT_SECONDS);
        this.ocr = null;
    }

    /** Whether the workers OCR (called with this extractor's lock held, as a worker starts). */
    private boolean ocr() {
        if (ocr == null) {
            ocr = TikaExtractor.tesseractInstalled();
        }
        return ocr;
    }

    private final class Worker {
        final Process process;
        final Writer in;
        final BufferedReader out;
        /** Whether this worker writes the class-data archive when it ends. */
        final boolean writesArchive;

        Worker() throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(MemoryBound.workerOptions());
            List<String> shared = archive.map(WorkerArchive::options).orElse(List.of());
            writesArchive = WorkerArchive.writes(shared);
            cmd.addAll(shared);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ExtractionWorker.class.getName(),
                    String.valueOf(maxChars), String.valueOf(ocr())));
            process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            // The time limit of a file starts when the worker is ready, not while the JVM starts.
            String first;
            try {
                first = CompletableFuture.supplyAsync(() -> readLine(this)).get(START_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                first = null;
            } catch (ExecutionException | TimeoutException e) {
                first = null;
            }
            if (!ExtractionWorker.READY.equals(first)) {
                process.destroyForcibly();
                ended(this, -1);
                throw new IOException("the worker did not start");
            }
        }
    }

    private Worker borrow() throws ExtractionException {
        synchronized (this) {
            if (idle.isEmpty() && started < size) {
                started++;
                try {
                    Worker w = new Worker();
                    all.add(w);
                    return w;
                } catch (IOException e) {
                    started--;
                    throw new ExtractionException(Reason.UNEXPECTED, "cannot start an extraction worker: " + e.getMessage(), e);
                }
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.UNEXPECTED, "interrupted while waiting for an extraction worker", e);
        }
    }

    @Override
    public Extraction extract(Path file) throws ExtractionException {
        Worker w = borrow();
        boolean healthy = false;
        try {
            w.in.write(file.toAbsolutePath() + "\n");
            w.in.flush();
            String line = CompletableFuture.supplyAsync(() -> readLine(w)).get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new ExtractionException(Reason.PARSER_CRASHED, "the worker process ended");
            }
            ExtractionWorker.Answer answer = json.readValue(line, ExtractionWorker.Answer.class);
            healthy = true;
            if (answer.reason() != null) {
                throw new ExtractionException(answer.reason(), answer.detail());
            }
            return answer.extraction();
        } catch (TimeoutException e) {
            throw new ExtractionException(Reason.TIMED_OUT, "limit " + timeoutMillis / 1000 + " s", e);
        } catch (IOException | ExecutionException e) {
            throw new ExtractionException(Reason.PARSER_CRASHED, Failures.detail(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.UNEXPECTED, "interrupted", e);
        } finally {
            release(w, healthy);
        }
    }

    /** Ends a worker by closing its input, as a JVM that writes its class-data archive must end; its exit code. */
    private static int endNormally(Worker w) {
        try {
            w.in.close();
            if (w.process.waitFor(ARCHIVE_MILLIS, TimeUnit.MILLISECONDS)) {
                return w.process.exitValue();
            }
        } catch (IOException e) {
            // Ended already: destroyed below all the same.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        w.process.destroyForcibly();
        return -1;
    }

    private static String readLine(Worker w) {
        try {
            return w.out.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private void release(Worker w, boolean healthy) {
        if (healthy) {
            idle.add(w);
            return;
        }
        w.process.destroyForcibly();
        ended(w, -1);
        synchronized (this) {
            all.remove(w);
            started--;
        }
    }

    private void ended(Worker w, int exitCode) {
        if (w.writesArchive) {
            archive.ifPresent(a -> a.workerEnded(exitCode));
        }
    }

    @Override
    public synchronized void close() {
        for (Worker w : all) {
            if (w.writesArchive) {
                ended(w, endNormally(w));
            } else {
                w.process.destroy();
            }
        }
        all.clear();
        idle.clear();
        started = 0;
    }
}
