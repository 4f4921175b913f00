package no.evidens.pipeline.reindex;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.IndexedDocument;
import no.evidens.index.NoIndexException;
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
 * Re-tags a case's documents in place, from the texts the index holds: each document's passages are built again with
 * today's taggers and codebook and replace its old ones as one unit ({@link EvidenceSink#replacePassages}: Lucene's update
 * of the document's block embedded; on SolrCloud one update request of the passages and the delete of those gone), while
 * its entry (id, text, page map, normalisation version) stays as it was, so every quotation's offsets still hold. No
 * bundle, Tika or original file is read. The documents are read a group at a time ({@link EvidenceSink#storedFirst}: on
 * SolrCloud three requests per group, not per document), the next group while the one before is tagged. A document whose
 * passages come out as they were is not written. Documents are re-tagged on all cores; a stop lets those begun finish and
 * commits them, and so does an index that stops taking writes (a SolrCloud gone or read-only), which ends the run there.
 */
public final class Reindexing {
    private static final Logger LOG = LoggerFactory.getLogger(Reindexing.class);

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
    private java.util.function.UnaryOperator<EvidenceSink> sinkWrap = sink -> sink;

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

    /** The index's writer as the run uses it (tests: one that stops taking writes). */
    Reindexing sinkWith(java.util.function.UnaryOperator<EvidenceSink> wrap) {
        this.sinkWrap = wrap;
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
     * @throws IllegalArgumentException  when there is no index, or the case named has no document in it
     * @throws IndexUnreachableException when a look at the SolrCloud finds it cannot take writes now (nothing read or
     *                                   written; {@link IndexUnreachableException#healthIn} holds the look)
     */
    public ReindexReport run(String caseId, String actor, Progress progress) throws IOException {
        IndexBackend backend = IndexBackend.of(home);
        CaseService cases = new CaseService(home, FindingStore.DEFAULT_LOCK_WAIT);
        if (caseId != null) {
            Ingestion.checkCaseId(caseId);
            cases.requireOpen(caseId);
        }
        if (!backend.isSolr() && !Files.isDirectory(home.index())) {
            throw new IllegalArgumentException("there is no index in " + home.index() + ": nothing to reindex");
        }
        // an index a newer Evidens wrote, or a cluster that cannot take writes now: said before anything is read
        backend.requireWritable("a reindex");
        ReindexReport report;
        try (EvidenceSink sink = sinkWrap.apply(open(backend))) {
            List<StoredDocument.Entry> all;
            try {
                all = sink.documents(caseId);
            } catch (NoIndexException e) {
                throw new IllegalArgumentException("there is no index in " + backend.describe() + ": nothing to reindex", e);
            }
            if (caseId != null && all.isEmpty()) {
                throw new IllegalArgumentException("case " + caseId + " has no documents in the index in " + backend.describe());
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
            AtomicReference<IndexUnreachableException> halted = new AtomicReference<>();
            int done = retagAll(sink, todo, tallies, progress, halted);
            try {
                sink.commit();
            } catch (IndexUnreachableException e) {
                if (!halted.compareAndSet(null, e)) {
                    halted.get().addSuppressed(e);
                }
            } catch (IOException | RuntimeException e) {
                if (halted.get() == null) {
                    throw e;
                }
                // the index refused the re-tagging already (a read-only collection refuses its commit too): that is what
                // is said; what an earlier commit saved stays
                halted.get().addSuppressed(e);
            }
            List<ReindexReport.CaseSummary> summaries = tallies.values().stream().filter(CaseTally::any)
                    .map(CaseTally::summary).toList();
            report = new ReindexReport(summaries, skipped, todo.size(), done, done < todo.size(),
                    halted.get() == null ? null : halted.get().getMessage());
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
                         Progress progress, AtomicReference<IndexUnreachableException> halted) throws IOException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger sinceCommit = new AtomicInteger();
        CommitPolicy commits = CommitPolicy.forBundle(todo.size());
        long[] lastCommit = {System.nanoTime()};
        BooleanSupplier stop = () -> halted.get() != null || stopAsked.getAsBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "reindex");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> before = List.of();
        try {
            int next = 0;
            while (next < todo.size() && !stop.getAsBoolean()) {
                StoredDocument.Read read;
                try {
                    read = readFrom(sink, todo, next, tallies);
                } catch (IndexUnreachableException e) {
                    halted.compareAndSet(null, e);
                    break;
                }
                next += read.read();
                // a document listed but gone since (deleted meanwhile) is looked at: nothing to re-tag
                progress.reindexed(done.addAndGet(read.read() - read.documents().size()), todo.size());
                List<Future<?>> running = new ArrayList<>();
                for (StoredDocument d : read.documents()) {
                    running.add(pool.submit(() -> {
                        if (stop.getAsBoolean()) {
                            return null; // not begun: it keeps what it had
                        }
                        if (one(sink, d, tallies.get(d.document().caseId()), halted)) {
                            int added = sinceCommit.incrementAndGet();
                            synchronized (lastCommit) {
                                if (commits.due(added, System.nanoTime() - lastCommit[0]) && sinceCommit.compareAndSet(added, 0)) {
                                    lastCommit[0] = System.nanoTime();
                                    commit(sink, halted);
                                }
                            }
                        }
                        progress.reindexed(done.incrementAndGet(), todo.size());
                        return null;
                    }));
                }
                // the group before is tagged while this one was read: at most two groups are held
                waitFor(before);
                before = running;
            }
            waitFor(before);
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
     * The next group of documents from {@code todo[next]}; when the group cannot be read (a text not all in the index), its
     * first document alone, and when that cannot be read either it is named failed (it keeps what it had) and counted read.
     */
    private static StoredDocument.Read readFrom(EvidenceSink sink, List<StoredDocument.Entry> todo, int next,
                                                Map<String, CaseTally> tallies) throws IOException {
        try {
            return sink.storedFirst(todo.subList(next, todo.size()));
        } catch (IndexUnreachableException e) {
            throw e;
        } catch (IOException | RuntimeException groupFailed) {
            StoredDocument.Entry first = todo.get(next);
            try {
                return sink.storedFirst(todo.subList(next, next + 1));
            } catch (IndexUnreachableException e) {
                throw e;
            } catch (IOException | RuntimeException failure) {
                LOG.warn("document {} of case {} could not be read back: {}", first.docId(), first.caseId(),
                        failure.getClass().getName());
                tallies.get(first.caseId()).failed(first.docId(), first.file(), reason(failure), List.of());
                return new StoredDocument.Read(1, List.of());
            }
        }
    }

    /** A commit between documents; an index that stopped taking writes ends the run (what was committed before stays). */
    private static void commit(EvidenceSink sink, AtomicReference<IndexUnreachableException> halted) throws IOException {
        try {
            sink.commit();
        } catch (IndexUnreachableException e) {
            halted.compareAndSet(null, e);
        }
    }

    private static void waitFor(List<Future<?>> running) throws InterruptedException, ExecutionException {
        for (Future<?> f : running) {
            f.get();
        }
    }

    /**
     * Re-tags one document and writes its new passages when they differ; a failure of its tagging or of its write is
     * recorded, and it keeps its old entries. An index that takes no writes now ends the run ({@code halted}).
     *
     * @return whether it was written
     */
    private boolean one(EvidenceSink sink, StoredDocument stored, CaseTally tally,
                        AtomicReference<IndexUnreachableException> halted) {
        IndexedDocument e = stored.document();
        if (e.text().isEmpty()) {
            // an archive's mark (no text of its own): nothing to tag
            tally.done(stored.passages(), stored.passages(), false, stored.passages().size());
            return false;
        }
        Retagger.Retagged r;
        try {
            r = retag.apply(stored);
            if (!r.same()) {
                sink.replacePassages(stored, r.passages());
            }
        } catch (IndexUnreachableException unreachable) {
            halted.compareAndSet(null, unreachable);
            tally.failed(e.docId(), e.file(), reason(unreachable), stored.passages());
            return false;
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
                trail.record(new AuditEvent(actor, ACTION, c.caseId(), AuditEvent.CASE, c.caseId(), detail(c, report)));
            }
        }
    }

    /**
     * The trail's detail of one case: {@code 41 dokumenter merket på nytt; indikatorer 412 → 415, sitater …}, and for a run
     * that stopped before its end (Ctrl-C, a cluster that stopped taking writes) how far it got ({@code ; kjøringen stoppet
     * etter 214 av 1500 dokumenter}): without it the entry read as the whole case re-tagged, its counts as the case's.
     */
    static String detail(ReindexReport.CaseSummary c, ReindexReport run) {
        return c.documents() + " dokumenter merket på nytt; indikatorer " + c.before().indicators() + " → "
                + c.after().indicators() + ", sitater " + c.before().quotations() + " → " + c.after().quotations()
                + ", lovhenvisninger " + c.before().laws() + " → " + c.after().laws()
                + (run.stopped() ? "; kjøringen stoppet etter " + run.done() + " av " + run.documents() + " dokumenter" : "");
    }
}
