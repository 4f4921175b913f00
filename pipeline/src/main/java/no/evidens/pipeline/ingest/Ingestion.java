package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.io.file.PathUtils;
import org.apache.lucene.store.LockObtainFailedException;

import no.evidens.findings.FindingStore;
import no.evidens.index.CaseHashes;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexWriteLock;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.HomeLock;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.StampedNames;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.bundle.BundleReader;
import no.evidens.pipeline.bundle.Manifest;
import no.evidens.pipeline.extract.IsolatedExtractor;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.findings.CaseService;

/**
 * Ingests one bundle into a case: reads the bundle, runs the Camel route over its files on all
 * cores, commits the index and writes the receipt under the home folder.
 */
public final class Ingestion {
    private static final Pattern CASE_ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,99}");

    private final EvidensHome home;
    private final DocumentAnalyser analyser;
    private final int threads;
    private boolean retryFailed;
    private Path keptAt;
    private String bundleName;
    /** Around the engine's sink when it is opened (tests: an engine whose disk fills up). */
    private UnaryOperator<EvidenceSink> sinkAround = UnaryOperator.identity();
    /** When the receipt is written, for its name ({@link StampedNames}). */
    private Clock clock = Clock.systemUTC();
    /** Whether a stop is asked (the process is being stopped): no file is begun after it. */
    private BooleanSupplier stopAsked = () -> false;
    /** Given Camel's context before it starts (tests: a start held until a stop is asked). */
    private Consumer<CamelContext> beforeCamelStarts = camel -> { };
    /** Whether the worker's start and the models' load are given up (a stop, or an index another writer holds). */
    private volatile boolean givingUp;

    public Ingestion(EvidensHome home, DocumentAnalyser analyser, int threads) {
        this.home = home;
        this.analyser = analyser;
        this.threads = Math.max(1, threads);
    }

    /**
     * Ingestion on all cores, with Tika in worker processes (see {@link IsolatedExtractor}).
     *
     * @param codebook the indicator codebook to tag with
     */
    public Ingestion(EvidensHome home, Codebook codebook) {
        this(home, () -> codebook);
    }

    /**
     * Ingestion on all cores, with Tika in worker processes.
     *
     * @param codebook gives the indicator codebook to tag with, asked when the first document is tagged
     */
    public Ingestion(EvidensHome home, Supplier<Codebook> codebook) {
        this(home, new DocumentAnalyser(new IsolatedExtractor(Runtime.getRuntime().availableProcessors()), codebook),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * The codebook to tag with: a file named, or the home's {@code codebook.yaml}, is read now (a bad one is refused
     * before any file is read); the one shipped with Evidens when the first document is tagged, so a re-ingest that
     * tags nothing does not read it.
     *
     * @param explicit the file named by {@code --codebook}, or null
     */
    public static Supplier<Codebook> codebook(Path explicit, EvidensHome home) throws IOException {
        if (explicit == null && Codebook.inHome(home.root()).isEmpty()) {
            return Codebook::defaults;
        }
        Codebook read = Codebook.resolve(explicit, home.root());
        return () -> read;
    }

    /**
     * Ingestion on all cores, with Tika in worker processes, tagging with the home's codebook
     * ({@code <home>/codebook.yaml}, else the default): the web workspace's and the demo's ingestion.
     */
    public Ingestion(EvidensHome home) {
        this(home, homeCodebook(home));
    }

    static Codebook homeCodebook(EvidensHome home) {
        try {
            return Codebook.resolve(null, home.root());
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Whether files that failed before (same bytes, same extractor version) are read again; by default a
     * re-ingest reports them failed again without reading them.
     */
    public Ingestion retryFailed(boolean retry) {
        this.retryFailed = retry;
        return this;
    }

    /**
     * Where the bundle is kept once ingested, when it is moved there afterwards (the inbox watcher's {@code done/}): the
     * receipt names it, since {@code verify}, the page images and {@code case delete-records} find a file through it.
     */
    public Ingestion keptAt(Path bundle) {
        this.keptAt = bundle;
        return this;
    }

    /**
     * The bundle's name as a corrected bundle is matched by ({@link CaseVersions#bundleName}), when the file ingested is
     * not named so (a workspace upload, kept under a name of its own): by default the bundle's own name.
     */
    public Ingestion named(String name) {
        this.bundleName = name;
        return this;
    }

    /** Wraps the engine's sink when it is opened: a test's full disk (also the inbox watcher's tests). */
    public Ingestion sinkAround(UnaryOperator<EvidenceSink> around) {
        this.sinkAround = around;
        return this;
    }

    /** The clock the receipt's name is stamped by (tests: the night the clocks go back). */
    public Ingestion clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Asked before each file is begun: once true, the files begun are finished and committed, the rest left unread, and
     * {@link #ingest} ends with {@link IngestionStopped} (a server, the inbox's watcher or a command being stopped). Asked
     * also between a zip's entries while it is unpacked (what was unpacked is deleted), before the index's writer, the
     * extractor's worker, the models and the route are started (none of them is, then); a load of the models already begun
     * is not waited for (it has no point to stop at, and only reads) unless a file begun before the stop needs it; nor is
     * Camel's start ({@link CamelStart}).
     */
    public Ingestion stopWhen(BooleanSupplier asked) {
        this.stopAsked = asked;
        return this;
    }

    /** Given Camel's context before it starts: a test's start held until a stop is asked. */
    Ingestion beforeCamelStarts(Consumer<CamelContext> step) {
        this.beforeCamelStarts = step;
        return this;
    }

    public static void checkCaseId(String caseId) {
        if (caseId == null || !CASE_ID.matcher(caseId).matches()) {
            throw new IllegalArgumentException("the case id '" + caseId + "' is not valid: use letters, digits, "
                    + "'.', '_' and '-' (for example fjordvik-2026)");
        }
    }

    /** Ingests the bundle and returns its receipt (also written to the receipts folder). */
    public Receipt ingest(String caseId, Path bundlePath, ProgressListener progress) throws Exception {
        return ingest(caseId, null, bundlePath, progress);
    }

    /**
     * Ingests the bundle and returns its receipt (also written to the receipts folder).
     *
     * @param municipality the municipality the case concerns (a facet), or null; a manifest's column wins
     */
    public Receipt ingest(String caseId, String municipality, Path bundlePath, ProgressListener progress) throws Exception {
        IngestMarks.mark("ingest begins");
        Instant begun = Instant.now();
        checkCaseId(caseId);
        new CaseService(home, FindingStore.DEFAULT_LOCK_WAIT).requireOpen(caseId);
        IndexBackend.of(home).requireWritable(); // before the bundle is read: a cluster that cannot take it says so at once
        BundleReader.Bundle bundle;
        progress.phase(IngestPhase.UNPACKING);
        try {
            // a stop asked while a zip is unpacked is heard between its entries (thousands of files take seconds)
            bundle = new BundleReader(stopAsked).read(bundlePath, home.work());
        } catch (BundleReader.Stopped e) {
            // said as a stop at a file boundary is said: none of the bundle's files done
            progress.started(e.files());
            progress.cutShort();
            throw new IngestionStopped(0, e.files());
        }
        ReceiptCollector receipts = new ReceiptCollector(progress);
        IngestMarks.mark("bundle read");
        progress.started(bundle.entries().size());
        IndexBackend backend = IndexBackend.of(home);
        FailureMemory failures = new FailureMemory(home.root().resolve("failed"), retryFailed);
        IncompleteContainers incomplete = new IncompleteContainers(home.root().resolve("incomplete").resolve(caseId), retryFailed);
        boolean written = false;
        boolean completed = false;
        boolean stopped = false;
        // a bundle unpacked from a zip is in our own folder: nobody writes to it while it is read
        ChangedWhileRead changes = bundle.unpacked() != null ? ChangedWhileRead.NONE : ChangedWhileRead.since(begun);
        // the embedded index's writer marks its release when closed (IndexBackend): an upload waiting behind it goes on then
        try (OnDemandSink engine = new OnDemandSink(() -> sinkAround.apply(openSink(backend)), caseId,
                committedHashes(backend, caseId))) {
            UnsavedDocuments index = new UnsavedDocuments(engine);
            KnownFiles.Outcome known = new KnownFiles(caseId, index, failures, incomplete, threads, changes).check(bundle.entries());
            IngestMarks.mark("known files checked");
            if (known.lines().isPresent()) {
                progress.phase(IngestPhase.READING);
                // Nothing new (a re-ingest of an unchanged bundle): every line is known without the route,
                // Tika or the index writer, and is the line the route would have written.
                for (ReceiptFile line : known.lines().get()) {
                    if (ReceiptFile.FAILED.equals(line.status())) {
                        FailedLines.log(line);
                    }
                    receipts.record(line);
                }
            } else if (stopAsked.getAsBoolean()) {
                // asked while the bundle was listed or its known files looked up: no writer, worker or model is started
                stopped = true;
            } else {
                // The Tika worker starts and the models load now, side by side (the worker's start is its own process's
                // CPU, the models' load this one's), while the index's writer opens and Camel starts: the worker's start
                // is the longest of them (a JVM and Tika's classes) and the first file waits for it. Before round 52 they
                // began once the writer was open (0.2-0.4 s later); before that, each waited for the one before it. The
                // models load on two threads of their own since round 53 (loadModels).
                // An embedded index another writer holds now (another ingest of the home) will refuse the writer's open
                // (after its wait for the lock): no worker is started and no model loaded for it, where before round 53
                // a Tika worker was started and then killed. Let go meanwhile, the open succeeds, and the worker starts
                // and the models load at the first file, as when nothing is readied ahead. Not reset otherwise: an
                // ingestion may be run again (the inbox's watcher).
                givingUp = !backend.isSolr() && IndexWriteLock.look(home.index()) == IndexWriteLock.Seen.HELD;
                progress.phase(IngestPhase.STARTING);
                // both ready: the files are being read (a job's phase in the workspace; its first seconds show it)
                AtomicInteger readying = new AtomicInteger(2);
                Runnable ready = () -> {
                    if (readying.decrementAndGet() == 0) {
                        progress.phase(IngestPhase.READING);
                    }
                };
                ExecutorService worker = startWorker(ready);
                ExecutorService models = loadModels(ready);
                boolean opened = false;
                try {
                    engine.open(); // something is new: the writer opens before any file is read, as it always did
                    opened = true;
                    IngestMarks.mark("index writer open");
                    stopped = route(caseId, municipality, bundle, receipts, index, failures, incomplete, known.hashes(), changes);
                } finally {
                    IngestMarks.mark("route done");
                    // An index held by another writer (refused at the open) reads no file either: the starts are given up.
                    givingUp = stopAsked.getAsBoolean() || !opened;
                    if (givingUp) {
                        // A worker still starting is not waited for once a stop is asked: its start is given up (the
                        // process ended at once, a class-data archive it was to write thrown away). No file waits for it:
                        // the route has ended, and the files begun before the stop were read.
                        worker.shutdownNow();
                    } else {
                        worker.shutdown();
                    }
                    models.shutdown();
                    // Nothing it starts may outlive the ingest: the extractor is closed below, once the worker's start
                    // has ended (it has a time limit of its own).
                    if (!worker.awaitTermination(1, TimeUnit.HOURS)) {
                        worker.shutdownNow();
                    }
                    // The models' load only reads, and has no point to stop at (OpenNLP reads each model whole): once a
                    // stop is asked it is not waited for (seconds), the process ends with its thread; a file begun
                    // meanwhile waited for it all the same, as it was finished.
                    if (!givingUp && !models.awaitTermination(1, TimeUnit.HOURS)) {
                        models.shutdownNow();
                    }
                }
            }
            if (!stopped) {
                progress.phase(IngestPhase.SAVING); // a stopped ingest commits too, but was cut off reading
            }
            lastCommit(index);
            IngestMarks.mark("last commit done");
            // A document the engine did not store, after its add had returned, or that no commit saved: its line says so,
            // once. A commit the cluster did not make is the cluster's doing (refused or gone), not the disk's.
            List<EvidenceSink.NotStored> unsaved = index.unsaved();
            Set<String> unsavedFiles = unsaved.stream().map(EvidenceSink.NotStored::file).collect(Collectors.toSet());
            for (EvidenceSink.NotStored lost : index.notStored()) {
                if (!unsavedFiles.contains(lost.file())) {
                    failed(lost, Reason.NOT_STORED, receipts, incomplete);
                }
            }
            Reason notSaved = backend.isSolr() ? Reason.NOT_SAVED_BY_CLUSTER : Reason.NOT_SAVED;
            for (EvidenceSink.NotStored lost : unsaved) {
                failed(lost, notSaved, receipts, incomplete);
            }
            // Containers read again that now hold every document, committed: no longer incomplete.
            incomplete.settle();
            written = engine.opened();
            completed = !stopped;
        } finally {
            IngestMarks.mark("index writer closed");
            analyser.close();
            if (completed) {
                progress.finished();
            } else {
                progress.cutShort(); // not "done": the error that cut it short follows
            }
            if (bundle.unpacked() != null) {
                PathUtils.deleteDirectory(bundle.unpacked());
            }
        }
        IngestMarks.mark("worker stopped");
        if (stopped) {
            // committed above; no receipt, which would leave out the files not read
            throw new IngestionStopped(receipts.filesDone(), bundle.entries().size());
        }
        if (written) {
            // The case's hashes kept for the commit just made (the writer is closed), so that the next ingest of the
            // case finds them without opening the index.
            committedHashes(backend, caseId);
            backend.rememberFormat();
        }
        Receipt receipt = receipts.receipt(caseId, (keptAt != null ? keptAt : bundlePath).toString(), bundle.hasManifest() ? Manifest.FILE_NAME : null);
        IngestMarks.mark("case hashes kept");
        // A path the bundle had before with other content: its line names the document it replaces (earlier versions
        // are left out of search from now on). Neither the versions nor the receipt saved (a full disk): the receipt is
        // still told, with the reason. The receipt is written while the case's register is held, so that two ingestions
        // of the case finishing together name their receipts in the order they recorded their versions.
        CaseVersions versions = new CaseVersions(home.root());
        String name = CaseVersions.bundleName(bundleName != null ? bundleName : bundlePath.toAbsolutePath().normalize().toString());
        Receipt[] told = {receipt};
        try {
            HomeLock.holding(versions.file(caseId), () -> {
                told[0] = versions.record(told[0], name, home.receipts());
                IngestMarks.mark("versions recorded");
                writeReceipt(told[0], caseId);
                return null;
            });
        } catch (IOException e) {
            throw new ReceiptNotSaved(told[0], home.receipts().toString(), e);
        } catch (UncheckedIOException e) {
            throw new ReceiptNotSaved(told[0], home.receipts().toString(), e.getCause());
        }
        IngestMarks.mark("receipt written");
        return told[0];
    }

    /**
     * Writes the receipt under a name of its own, never over another's (an ingestion of the case that finished in the
     * same millisecond in another process): the name is taken first ({@link StampedNames#create}), then the receipt moved
     * into it whole. A receipt that cannot be written gives its name back.
     */
    private void writeReceipt(Receipt receipt, String caseId) throws IOException {
        Path file = StampedNames.create(home.receipts(), caseId, clock.instant(), ".json");
        try {
            ReceiptJson.write(receipt, file);
        } catch (UncheckedIOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException left) {
                e.addSuppressed(left);
            }
            throw e;
        }
    }

    /**
     * The ingestion's last commit. When it fails (the disk is full) after documents were added since the last good one,
     * their lines say so and the receipt is written as for any failed file (exit 3): what the last good commit saved
     * stays, and the next ingest takes up the rest. A failure with nothing unsaved is thrown on.
     */
    private static void lastCommit(UnsavedDocuments index) throws IOException {
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            if (index.unsaved().isEmpty()) {
                throw e;
            }
        }
    }

    private static void failed(EvidenceSink.NotStored lost, Reason reason, ReceiptCollector receipts,
                               IncompleteContainers incomplete) {
        receipts.failed(lost, reason);
        String container = IncompleteContainers.containerOf(lost.file());
        if (!container.equals(lost.file())) {
            incomplete.missing(container, lost.file(), reason);
        }
    }

    /**
     * The index's writer, waited for a moment ({@link no.evidens.index.IndexWriteLock}); still held then by another writer
     * (another ingest, a server's upload, a reindex), said so plainly as {@code reindex} says it, where Lucene says only
     * "Lock held by another program". Its cause is kept: a server's upload waits for the index by it.
     */
    private EvidenceSink openSink(IndexBackend backend) {
        try {
            return backend.openSink();
        } catch (UncheckedIOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LockObtainFailedException) {
                    throw new IllegalStateException("the index in " + home.index() + " is being written by another process "
                            + "(another ingest, a server's upload or a reindex): run ingest again once it has finished; "
                            + "nothing was changed", e);
                }
            }
            throw e;
        }
    }

    /** Starts the extractor's worker, on a thread of its own. */
    private ExecutorService startWorker(Runnable ready) {
        return preparing(List.of(analyser::prepareExtractor), "worker ready", ready);
    }

    /**
     * Loads the tagger's models on two threads (daemons: a stopping process does not wait for them): the sentence, token
     * and name models with the codebook on one, the indicator classifier on the other (no language model: an ingest does not
     * guess a document's language).
     * None needs another; one thread read them one after another (1.3-1.8 s alone, more beside the worker's start), the
     * tail of a small ingest's start, with a core idle once the worker was ready. The models' objects of each tagging
     * thread are still made on that thread, at its first document (NorwegianModels).
     */
    private ExecutorService loadModels(Runnable ready) {
        return preparing(List.of(analyser::prepareTagger, () -> {
            analyser.prepareClassifiers();
            IngestMarks.mark("classifiers loaded");
        }), "models loaded", ready);
    }

    /**
     * Runs steps that ready the files' reading, each on a daemon thread of its own, unless a stop is asked (no file will
     * be read then); the mark is written and {@code ready} run when the last of them has ended.
     */
    private ExecutorService preparing(List<Runnable> steps, String mark, Runnable ready) {
        ExecutorService preparing = Executors.newFixedThreadPool(steps.size(), r -> {
            Thread t = new Thread(r, "ingest-prepare");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger left = new AtomicInteger(steps.size());
        for (Runnable step : steps) {
            preparing.execute(() -> {
                if (stopAsked.getAsBoolean() || givingUp) {
                    return;
                }
                try {
                    step.run();
                } catch (RuntimeException | LinkageError e) {
                    if (!stopAsked.getAsBoolean() && !givingUp) {
                        throw e;
                    }
                    // The process is stopping: Tika's classes refuse to load then (they add a shutdown hook as they load),
                    // and no file will be read; not a trace for the user who pressed Ctrl-C.
                    return;
                }
                // a step given up at a stop did not ready anything
                if (!Thread.currentThread().isInterrupted() && left.decrementAndGet() == 0) {
                    IngestMarks.mark(mark);
                    ready.run();
                }
            });
        }
        return preparing;
    }

    /**
     * Runs the Camel route over the bundle's files on the ingestion's threads.
     *
     * @return whether files were left unread because a stop was asked
     */
    private boolean route(String caseId, String municipality, BundleReader.Bundle bundle, ReceiptCollector receipts,
                       EvidenceSink index, FailureMemory failures, IncompleteContainers incomplete, Map<String, String> hashes,
                       ChangedWhileRead changes) throws Exception {
        if (stopAsked.getAsBoolean()) {
            return true; // asked while the writer opened: no route is started (Camel's start is most of a second)
        }
        // Made and started on a thread of its own: a stop asked meanwhile does not wait for it (CamelStart).
        Optional<CamelStart.Started<IngestRoute>> started = CamelStart.unlessStopped(camel -> {
            // The split's threads read files while the tagging threads tag the documents of those before (IngestRoute):
            // one more file in flight for each tagging thread.
            ExecutorService pool = camel.getExecutorServiceManager().newFixedThreadPool(this, "ingest", 2 * threads);
            ExecutorService tagging = camel.getExecutorServiceManager().newFixedThreadPool(this, "ingest-tag", threads);
            return new IngestRoute(caseId, municipality, analyser, index, receipts, pool, tagging, failures, incomplete,
                    hashes, bundle.entries(), changes, stopAsked);
        }, beforeCamelStarts, stopAsked);
        if (started.isEmpty()) {
            return true; // a stop asked while Camel started: no file was given to the route
        }
        CamelContext camel = started.get().camel();
        IngestRoute route = started.get().route();
        try {
            IngestMarks.mark("route started");
            try (ProducerTemplate producer = camel.createProducerTemplate()) {
                producer.sendBody(IngestRoute.INGEST, bundle.entries());
            }
            route.requireEveryLine();
            return route.leftUnread();
        } finally {
            camel.stop();
        }
    }

    /**
     * The case's content hashes in the embedded index as committed now; null (ask the engine) for SolrCloud, or
     * when the index cannot be read this way (the writer then reports why, as before). They are kept in
     * {@code <home>/hashes/<case>.txt} for the commit they were read from, and taken from there while it is the last.
     */
    private Set<String> committedHashes(IndexBackend backend, String caseId) {
        if (backend.isSolr()) {
            return null;
        }
        try {
            return CaseHashes.read(home.index(), caseId, home.root().resolve("hashes").resolve(caseId + ".txt"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
