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
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs Tika in worker processes ({@link ExtractionWorker}), with a time limit per file and a heap of their own:
 * a parser that hangs is stopped, one that exhausts memory or crashes takes its worker down, never the
 * ingestion. A new worker replaces a lost one.
 *
 * <p>A worker reads up to {@link MemoryBound#THREADS_PER_WORKER} files at a time, one on each of its threads,
 * with that many times a lone worker's heap: the JVM's start, Tika's loading and the JIT's compiling of Tika's
 * code are paid once for them, not once per thread. A file whose worker was lost while it was being read (the
 * worker was stopped for another file's time limit, or ran out of memory or crashed on one of the files it
 * held) is read again in a worker of its own, one file at a time, so that it gets the answer it gets alone.
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
    /**
     * How long a new worker may take to start, by default, at most: on a machine at load average 45-52 a worker took
     * 38-55 s to be ready (2026-12-02), so the 120 s limit of before left little margin; a worker that is stuck, not
     * slow, is known sooner by its CPU time ({@link #START_CPU_NANOS}).
     */
    public static final long DEFAULT_START_MILLIS = 600_000;
    /**
     * CPU time a starting worker may spend before it is taken to be stuck: a start (the JVM, Tika loaded, the
     * warm-up) cost 1-4 CPU s when measured (docs/ingest-speed-rounds.md, second round), whatever the load; its wall time grows with it.
     */
    private static final long START_CPU_NANOS = 60_000_000_000L;
    /** How often a starting worker's CPU time is looked at. */
    private static final long START_POLL_MILLIS = 1_000;
    /** How long a caller waits for a free worker thread before it looks again whether a new worker may start. */
    private static final long BORROW_POLL_MILLIS = 1_000;

    /** The start of a timed-out file's detail when its worker did not start in time: the file was not read at all. */
    public static final String NOT_STARTED = "the extraction worker did not start within ";

    /**
     * The workers' answers are read with a mapper of their own, made when the first answer comes (a holder class):
     * an ingest that reads no file, a re-ingest of an unchanged bundle, does not build it.
     */
    private static final class Answers {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    /** One entry per free thread of a running worker. */
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    private final List<Worker> all = new ArrayList<>();
    private final int maxChars;
    /** Whether the workers OCR; null until the first worker starts, when Tesseract is looked for. */
    private Boolean ocr;
    private final long timeoutMillis;
    /** Seconds Tesseract may spend on one image or page in a worker ({@link TikaExtractor#OCR_TIMEOUT_SECONDS} but in tests). */
    private final int ocrTimeoutSeconds;
    /** How long a new worker may take to start (load Tika and say it is ready). */
    private final long startMillis;
    /** How many files are read at a time, over all workers. */
    private final int size;
    /** The workers' class-data archive; looked for as the first worker starts (null until then, guarded by this). */
    private Optional<WorkerArchive> archive;
    /** Threads of the running workers (guarded by this). */
    private int started;
    /** How many shared workers (not those that read one file alone) were started so far (guarded by this). */
    private int sharedStarts;

    /**
     * @param workers at most this many files read at a time; fewer when more would cross the memory bound
     *                ({@link MemoryBound#workers(int)})
     */
    public IsolatedExtractor(int workers, int maxChars, boolean ocr, int timeoutSeconds) {
        this(workers, maxChars, ocr, timeoutSeconds, DEFAULT_START_MILLIS);
    }

    /**
     * As {@link #IsolatedExtractor(int, int, boolean, int)}, with another limit for a worker's start (a machine so
     * busy that no worker starts in time, made at will in tests).
     */
    public IsolatedExtractor(int workers, int maxChars, boolean ocr, int timeoutSeconds, long startMillis) {
        this(workers, maxChars, ocr, timeoutSeconds, startMillis, TikaExtractor.OCR_TIMEOUT_SECONDS);
    }

    /**
     * As {@link #IsolatedExtractor(int, int, boolean, int, long)}, with another limit for Tesseract on one image or page in
     * the workers (tests: a page read in a worker on a machine so loaded that Tesseract's own 120 s ran out, where the
     * file's limit had not; as {@link TikaExtractor}'s for the tests).
     */
    IsolatedExtractor(int workers, int maxChars, boolean ocr, int timeoutSeconds, long startMillis, int ocrTimeoutSeconds) {
        this.size = MemoryBound.workers(workers);
        this.maxChars = maxChars;
        this.ocr = ocr;
        this.timeoutMillis = timeoutSeconds * 1000L;
        this.startMillis = startMillis;
        this.ocrTimeoutSeconds = ocrTimeoutSeconds;
    }

    /**
     * OCR when Tesseract is installed: looked for when the first worker starts, so an ingestion that reads no
     * file (a re-ingest of an unchanged bundle) neither loads Tika nor runs Tesseract.
     */
    public IsolatedExtractor(int workers) {
        this(workers, TikaExtractor.DEFAULT_MAX_CHARS, false, DEFAULT_TIMEOUT_SECONDS);
        this.ocr = null;
    }

    /**
     * Whether the workers OCR (called with this extractor's lock held, as a worker starts). Tesseract is looked for on a
     * thread of its own: Tika's look swallows an interrupt and then says Tesseract is missing, where an interrupt is how a
     * worker's start is given up (an ingestion being stopped); the caller's wait is what the interrupt ends.
     */
    private boolean ocr() throws InterruptedException {
        if (ocr == null) {
            FutureTask<Boolean> look = new FutureTask<>(TikaExtractor::tesseractInstalled);
            Thread t = new Thread(look, "tesseract-look");
            t.setDaemon(true);
            t.start();
            try {
                ocr = look.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error; // Tika's classes refused to load (the process is stopping)
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return ocr;
    }

    private final class Worker {
        final Process process;
        final Writer in;
        final BufferedReader out;
        final int threads;
        /** Whether this worker writes the class-data archive when it ends. */
        final boolean writesArchive;
        /** Reads its answers and hands each to the request awaiting it. */
        private final AnswerReader answers;
        private long nextId;
        /** Whether it has been stopped and its threads given up (guarded by the extractor). */
        boolean retired;

        Worker(int threads) throws IOException, ExtractionException {
            this.threads = threads;
            boolean reads;
            try {
                reads = ocr();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reads = false;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IOException("the worker's start was given up"); // before any process or archive file is made
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(MemoryBound.workerOptions(threads));
            List<String> shared = archive().map(WorkerArchive::options).orElse(List.of());
            writesArchive = WorkerArchive.writes(shared);
            cmd.addAll(shared);
            Optional<Path> temp = WorkerTempFolders.create();
            temp.ifPresent(t -> cmd.add("-Djava.io.tmpdir=" + t));
            cmd.addAll(List.of("-cp", WorkerArchive.workerClassPath(), ExtractionWorker.class.getName(),
                    String.valueOf(maxChars), String.valueOf(reads), String.valueOf(threads), String.valueOf(ocrTimeoutSeconds)));
            try {
                ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
                OcrThreads.limit(builder.environment());
                process = builder.start();
            } catch (IOException e) {
                temp.ifPresent(WorkerTempFolders::remove);
                throw e;
            }
            temp.ifPresent(t -> WorkerTempFolders.removeWhenEnded(process, t));
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            // The time limit of a file starts when the worker is ready, not while the JVM starts.
            String first = null;
            boolean late = false;
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(this::readLine);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startMillis);
            while (true) {
                try {
                    long left = Math.max(0, deadline - System.nanoTime());
                    first = ready.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(START_POLL_MILLIS)), TimeUnit.NANOSECONDS);
                    break;
                } catch (InterruptedException e) {
                    // The start is given up (an ingestion being stopped interrupts the thread that starts its first worker):
                    // the worker is ended below, at once, and an archive it was to write is thrown away.
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException e) {
                    break;
                } catch (TimeoutException e) {
                    // Slow is waited for (its wall time grows with the machine's load); stuck is not.
                    if (deadline - System.nanoTime() <= 0 || cpuNanos(process) > START_CPU_NANOS) {
                        late = process.isAlive();
                        break;
                    }
                }
            }
            if (!ExtractionWorker.READY.equals(first)) {
                stop(process);
                // Killed is not yet gone: waited for (milliseconds), so that a start given up leaves no worker running
                // when it returns, even on a loaded machine where the kill takes a moment to land.
                gone(process);
                ended(this, -1);
                if (late) {
                    // Still starting when its time was up: a machine too busy, not a broken worker. The file was not
                    // read; it is told as a file out of time, so that the next ingest reads it again.
                    throw new ExtractionException(Reason.TIMED_OUT, NOT_STARTED + startMillis / 1000 + " s; not read");
                }
                throw new IOException("the worker did not start");
            }
            answers = new AnswerReader(out);
            Thread reading = new Thread(answers, "extraction-worker-answers");
            reading.setDaemon(true);
            reading.start();
        }

        /**
         * Sends a file; its answer (the worker's line: the request id, a tab, the JSON), or null when the worker has
         * ended (or ends) without answering it.
         */
        CompletableFuture<String> send(Path file) {
            synchronized (this) {
                long id = nextId++;
                CompletableFuture<String> answer = answers.await(id);
                if (answer.isDone()) {
                    return answer;
                }
                try {
                    in.write(ExtractionWorker.request(id, file) + "\n");
                    in.flush();
                } catch (IOException e) {
                    // The worker has ended: so is this file's answer.
                    answers.forget(id);
                }
                return answer;
            }
        }

        private String readLine() {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * Stops a worker at once, with the programs it started (Tesseract reading a page would otherwise run on to the
     * end of its page, orphaned, with nobody to read its answer); they are looked up before the worker dies, when
     * they are still known as its own.
     */
    private static void stop(Process worker) {
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    /** The CPU time a process has used so far (all its threads), or 0 when the system does not tell. */
    private static long cpuNanos(Process process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * A free thread of a running worker, or of a new one when fewer than {@link #size} threads run. A caller that
     * waits looks again every second whether a new worker may start: a worker stopped meanwhile (a time limit, a
     * crash) frees its threads without anyone giving one back, and no caller may wait for ever on them.
     */
    private Worker borrow() throws ExtractionException {
        while (true) {
            synchronized (this) {
                if (idle.isEmpty() && started < size) {
                    int threads = Math.min(MemoryBound.THREADS_PER_WORKER, size - started);
                    return startCounted(threads, threads - 1); // one thread for the caller, the others free
                }
            }
            try {
                Worker w = idle.poll(BORROW_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (w != null) {
                    return w;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExtractionException(Reason.UNEXPECTED, "interrupted while waiting for an extraction worker", e);
            }
        }
    }

    /**
     * Starts a worker now, if none runs yet, with all its threads free, so that its start (the JVM, Tika's loading,
     * the warm-up: seconds of the worker's own CPU) overlaps the caller's other work. A worker that cannot start is
     * left for the first file to start again and report, as it would have without this.
     */
    @Override
    public void prepare() {
        synchronized (this) {
            // A worker kept between ingests (the inbox's watcher) may have ended while idle (the system's out-of-memory
            // killer, a kill by hand): nobody borrowed it to learn so, and the next file would be sent to a dead process.
            for (Worker w : List.copyOf(all)) {
                if (!w.process.isAlive()) {
                    release(w, false);
                }
            }
            if (started > 0) {
                return;
            }
            int threads = Math.min(MemoryBound.THREADS_PER_WORKER, size);
            try {
                startCounted(threads, threads);
            } catch (ExtractionException e) {
                // The first file's own borrow starts a worker again, and its receipt line says what went wrong.
            }
        }
    }

    /**
     * Starts a worker of {@code threads} threads, counted among those started (uncounted again if it fails to start),
     * with {@code free} of its threads put among the idle ones (called with this extractor's lock held).
     */
    private Worker startCounted(int threads, int free) throws ExtractionException {
        started += threads;
        boolean ok = false;
        try {
            Worker w = start(threads);
            sharedStarts++;
            all.add(w);
            for (int i = 0; i < free; i++) {
                idle.add(w);
            }
            ok = true;
            return w;
        } finally {
            if (!ok) {
                started -= threads;
            }
        }
    }

    /** Starts a worker of {@code threads} threads (called with this extractor's lock held). */
    private Worker start(int threads) throws ExtractionException {
        try {
            return new Worker(threads);
        } catch (IOException e) {
            throw new ExtractionException(Reason.UNEXPECTED, "cannot start an extraction worker: " + e.getMessage(), e);
        }
    }

    @Override
    public Extraction extract(Path file) throws ExtractionException {
        Worker w = borrow();
        boolean healthy = false;
        boolean alone = w.threads == 1;
        try {
            String line = answerLine(w, file);
            if (line == null) {
                if (!alone) {
                    // Lost with the worker it shared: which file ended it is not known, so this one is read alone.
                    release(w, false);
                    w = null;
                    return extractAlone(file);
                }
                throw new ExtractionException(Reason.PARSER_CRASHED, "the worker process ended");
            }
            ExtractionWorker.Answer answer = answer(line);
            healthy = true;
            return extraction(answer);
        } finally {
            if (w != null) {
                release(w, healthy);
            }
        }
    }

    /** The worker's answer to {@code file} as it wrote it (null: the worker ended first), failures as receipt reasons. */
    private String answerLine(Worker w, Path file) throws ExtractionException {
        try {
            return w.send(file).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ExtractionException(Reason.TIMED_OUT, "limit " + timeoutMillis / 1000 + " s", e);
        } catch (ExecutionException e) {
            throw new ExtractionException(Reason.PARSER_CRASHED, Failures.detail(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExtractionException(Reason.UNEXPECTED, "interrupted", e);
        }
    }

    private ExtractionWorker.Answer answer(String line) throws ExtractionException {
        try {
            return Answers.JSON.readValue(AnswerReader.json(line), ExtractionWorker.Answer.class);
        } catch (IOException e) {
            throw new ExtractionException(Reason.PARSER_CRASHED, Failures.detail(e), e);
        }
    }

    private static Extraction extraction(ExtractionWorker.Answer answer) throws ExtractionException {
        if (answer.reason() != null) {
            throw new ExtractionException(answer.reason(), answer.detail());
        }
        return answer.extraction();
    }

    /** Reads a file in a worker of its own, started for it and stopped after it. */
    private Extraction extractAlone(Path file) throws ExtractionException {
        Worker w;
        synchronized (this) {
            w = start(1);
        }
        try {
            String line = answerLine(w, file);
            if (line == null) {
                throw new ExtractionException(Reason.PARSER_CRASHED, "the worker process ended");
            }
            return extraction(answer(line));
        } finally {
            if (w.writesArchive) {
                ended(w, endNormally(w));
            } else {
                stop(w.process);
            }
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
        stop(w.process);
        return -1;
    }

    /**
     * Gives a worker's thread back; a worker that failed (a time limit, a crash) is stopped, its free threads
     * taken out of the pool, and its threads counted free for a new worker once (the files it still held
     * learn it from their answer, null).
     */
    private void release(Worker w, boolean healthy) {
        if (healthy) {
            synchronized (this) {
                if (!w.retired) {
                    idle.add(w);
                }
            }
            return;
        }
        stop(w.process);
        synchronized (this) {
            if (w.retired) {
                return;
            }
            w.retired = true;
            idle.removeIf(x -> x == w);
            all.remove(w);
            started -= w.threads;
        }
        ended(w, -1);
    }

    private void ended(Worker w, int exitCode) {
        if (w.writesArchive) {
            if (exitCode != 0) {
                gone(w.process); // stopped at once: its file is thrown away only once it can write no more of it
            }
            archive().ifPresent(a -> a.workerEnded(exitCode));
        }
    }

    /** Waits a few seconds at most for a process stopped at once to be gone; the caller's interrupt is kept for after. */
    private static void gone(Process process) {
        boolean interrupted = Thread.interrupted();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The workers' class-data archive, looked for when first asked (as the first worker starts). */
    private synchronized Optional<WorkerArchive> archive() {
        if (archive == null) {
            archive = WorkerArchive.forClassPath();
        }
        return archive;
    }

    /**
     * How many shared workers this extractor has started: one for many ingests when it is kept between them (the inbox's
     * watcher), one more after each that was lost (a crash, a time limit). A file read alone in a worker of its own is not
     * counted.
     */
    public synchronized int sharedStarts() {
        return sharedStarts;
    }

    @Override
    public synchronized void close() {
        for (Worker w : all) {
            w.retired = true;
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
