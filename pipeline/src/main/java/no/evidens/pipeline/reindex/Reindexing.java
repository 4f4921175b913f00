package no.evidens.pipeline.reindex;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.index.EvidenceSink;
import no.evidens.index.StoredDocument;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.findings.CaseService;
import no.evidens.pipeline.ingest.CommitPolicy;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.store.HomeStores;

/**
 * Re-tags a case's documents in place, from the texts the embedded index holds: each document's passages are built again
 * with today's taggers and codebook and replace its old ones as one unit (Lucene's update of the document's block), while
 * its entry (id, text, page map, normalisation version) stays as it was, so every quotation's offsets still hold. No bundle,
 * Tika or original file is read. A document whose passages come out as they were is not written. Documents are re-tagged on
 * all cores; a stop lets those begun finish and commits them.
 */
public final class Reindexing {
    private static final Logger LOG = LoggerFactory.getLogger(Reindexing.class);

    /** Why SolrCloud is refused (the CLI's message). */
    public static final String SOLR_REFUSED = "reindex re-tags the embedded index only; on SolrCloud it is not done yet: "
            + "to have today's tagging there, ingest the case's bundles into a new collection (see the README, Upgrading "
            + "Evidens); nothing was changed";

    /** The trail's action. */
    public static final String ACTION = "case-reindex";

    /** How a reindex reports how far it has come. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        /** {@code done} of {@code total} documents looked at. */
        void reindexed(int done, int total);
    }

    private final EvidensHome home;
    private final int threads;
    private final DocumentAnalyser analyser;
    private BooleanSupplier stopAsked = () -> false;
    private Function<StoredDocument, Retagger.Retagged> retag;

    /** @param codebook the indicator codebook to tag with (see {@link Ingestion#codebook}) */
    public Reindexing(EvidensHome home, Supplier<Codebook> codebook) {
        this.home = home;
        this.threads = Runtime.getRuntime().availableProcessors();
        // Tika is never asked: the text is the index's
        this.analyser = new DocumentAnalyser(file -> {
            throw new ExtractionException(Reason.UNSUPPORTED_VARIANT, "a reindex reads no file");
        }, codebook);
        this.retag = new Retagger(analyser)::retag;
    }

    /** Asked before each document is begun: once true, the documents begun are finished and committed, the rest left. */
    public Reindexing stopWhen(BooleanSupplier asked) {
        this.stopAsked = asked;
        return this;
    }

    /** Another re-tagging of one document (tests: one that fails). */
    Reindexing retagWith(Function<StoredDocument, Retagger.Retagged> other) {
        this.retag = other;
        return this;
    }

    /**
     * Re-tags the documents of a case, or of every case when {@code caseId} is null (closed cases are left as they are), and
     * records it in the audit trail, one entry per case, by {@code actor}.
     *
     * @throws IllegalStateException    on SolrCloud ({@link #SOLR_REFUSED})
     * @throws IllegalArgumentException when there is no index, or the case named has no document in it
     */
    public ReindexReport run(String caseId, String actor, Progress progress) throws IOException {
        IndexBackend backend = IndexBackend.of(home);
        if (backend.isSolr()) {
            throw new IllegalStateException(SOLR_REFUSED);
        }
        CaseService cases = new CaseService(home, FindingStore.DEFAULT_LOCK_WAIT);
        if (caseId != null) {
            Ingestion.checkCaseId(caseId);
            cases.requireOpen(caseId);
        }
        if (!Files.isDirectory(home.index())) {
            throw new IllegalArgumentException("there is no index in " + home.index() + ": nothing to reindex");
        }
        backend.requireWritable(); // an index a newer Evidens wrote: said before anything is opened
        ReindexReport report;
        try (EvidenceSink sink = open(backend)) {
            List<StoredDocument.Entry> all = sink.documents(caseId);
            if (caseId != null && all.isEmpty()) {
                throw new IllegalArgumentException("case " + caseId + " has no documents in the index in " + home.index());
            }
            Map<String, CaseTally> tallies = new TreeMap<>();
            List<ReindexReport.Skipped> skipped = new ArrayList<>();
            List<StoredDocument.Entry> todo = new ArrayList<>();
            for (StoredDocument.Entry e : all) {
                if (!tallies.containsKey(e.caseId()) && skipped.stream().noneMatch(s -> s.caseId().equals(e.caseId()))) {
                    if (cases.closed(e.caseId()).isPresent()) {
                        skipped.add(new ReindexReport.Skipped(e.caseId(), "closed"));
                        continue;
                    }
                    tallies.put(e.caseId(), new CaseTally(e.caseId()));
                }
                if (tallies.containsKey(e.caseId())) {
                    todo.add(e);
                }
            }
            int done = retagAll(sink, todo, tallies, progress);
            sink.commit();
            List<ReindexReport.CaseSummary> summaries = tallies.values().stream().filter(CaseTally::any)
                    .map(CaseTally::summary).toList();
            report = new ReindexReport(summaries, skipped, todo.size(), done, done < todo.size());
        } finally {
            analyser.close();
        }
        record(report, actor);
        return report;
    }

    /**
     * The index's writer, waited for a moment as an ingest's is ({@link no.evidens.index.IndexWriteLock}); still held then by
     * another writer (an ingest, a server's upload, another reindex), said so plainly.
     */
    private EvidenceSink open(IndexBackend backend) {
        try {
            return backend.openSink();
        } catch (java.io.UncheckedIOException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.apache.lucene.store.LockObtainFailedException) {
                    throw new IllegalStateException("the index in " + home.index() + " is being written by another process (an "
                            + "ingest, a server's upload or another reindex): run reindex again once it has finished; nothing "
                            + "was changed", e);
                }
            }
            throw e;
        }
    }

    private int retagAll(EvidenceSink sink, List<StoredDocument.Entry> todo, Map<String, CaseTally> tallies,
                         Progress progress) throws IOException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger sinceCommit = new AtomicInteger();
        CommitPolicy commits = CommitPolicy.forBundle(todo.size());
        long[] lastCommit = {System.nanoTime()};
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reindex");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> running = new ArrayList<>();
        try {
            for (StoredDocument.Entry e : todo) {
                running.add(pool.submit(() -> {
                    if (stopAsked.getAsBoolean()) {
                        return null; // not begun: it keeps what it had
                    }
                    if (one(sink, e, tallies.get(e.caseId()))) {
                        int added = sinceCommit.incrementAndGet();
                        synchronized (lastCommit) {
                            if (commits.due(added, System.nanoTime() - lastCommit[0]) && sinceCommit.compareAndSet(added, 0)) {
                                lastCommit[0] = System.nanoTime();
                                sink.commit();
                            }
                        }
                    }
                    progress.reindexed(done.incrementAndGet(), todo.size());
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while documents were re-tagged");
        } catch (ExecutionException e) {
            // a commit failed (the disk is full): what the last good commit saved stays
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return done.get();
    }

    /**
     * Re-tags one document and writes its new passages when they differ; a failure of its tagging or of its write is
     * recorded, and it keeps its old entries.
     *
     * @return whether it was written
     */
    private boolean one(EvidenceSink sink, StoredDocument.Entry e, CaseTally tally) throws IOException {
        Optional<StoredDocument> read = sink.stored(e.caseId(), e.docId());
        if (read.isEmpty()) {
            return false;
        }
        StoredDocument stored = read.get();
        if (stored.document().text().isEmpty()) {
            // an archive's mark (no text of its own): nothing to tag
            tally.done(stored.passages(), stored.passages(), false, stored.passages().size());
            return false;
        }
        Retagger.Retagged r;
        try {
            r = retag.apply(stored);
            if (!r.same()) {
                sink.replace(stored.document(), r.passages());
            }
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError failure) {
            // the document's id only: a message may quote what the taggers read
            LOG.warn("document {} of case {} was not re-tagged: {}", e.docId(), e.caseId(), failure.getClass().getName());
            tally.failed(e.docId(), e.file(), reason(failure), stored.passages());
            return false;
        }
        tally.done(stored.passages(), r.passages(), !r.same(), r.kept());
        return !r.same();
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String said = failure.getClass().getSimpleName() + message;
        return said.length() > 200 ? said.substring(0, 200) + "…" : said;
    }

    /** One trail entry per case re-tagged, its detail in Bokmål as the trail's details are (counts only, never text). */
    private void record(ReindexReport report, String actor) {
        if (report.cases().isEmpty()) {
            return;
        }
        try (FindingStore store = HomeStores.of(home).findings(FindingStore.DEFAULT_LOCK_WAIT)) {
            var trail = store.trail(home.root().resolve(AuditService.CHAIN_FILE));
            for (ReindexReport.CaseSummary c : report.cases()) {
                trail.record(new AuditEvent(actor, ACTION, c.caseId(), AuditEvent.CASE, c.caseId(), detail(c)));
            }
        }
    }

    /** The trail's detail of one case: {@code 41 dokumenter merket på nytt; indikatorer 412 → 415, sitater …}. */
    static String detail(ReindexReport.CaseSummary c) {
        return c.documents() + " dokumenter merket på nytt; indikatorer " + c.before().indicators() + " → "
                + c.after().indicators() + ", sitater " + c.before().quotations() + " → " + c.after().quotations()
                + ", lovhenvisninger " + c.before().laws() + " → " + c.after().laws();
    }
}
