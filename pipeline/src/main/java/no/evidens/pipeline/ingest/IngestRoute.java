package no.evidens.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ExpressionAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.Messages;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;
import no.evidens.pipeline.passages.PassageBuilder;

/**
 * The ingestion flow: a bundle's files are split into one exchange per file, processed in parallel:
 * hash → skip duplicates → Tika → (the file and each document it holds) normalise → tag → passages →
 * Lucene. The body changes at each step ({@link BundleEntry} → {@link HashedFile} → {@link ExtractedFile}
 * → the documents it holds → each {@link DocumentStage} → the {@link ReceiptFile} line); Camel's own routing facts
 * (a duplicate, a caught exception) are the only exchange properties read. A document that fails goes to
 * the receipt with its reason, and the batch goes on.
 *
 * <p>Two pools of threads: the split's (hashing, the extraction, the receipt lines), twice as many as the tagging
 * threads, and the tagging threads themselves, which run a document's CPU stages (normalise, tag, passages, index).
 * A file is thus read while the files before it are tagged: while each tagging thread holds one document, as many
 * more files are read or ready, so the Tika worker has the next file as soon as it finishes one and a tagging thread
 * the next document as soon as it ends one, where before a route thread carried its file through every stage and
 * its worker stood idle while it tagged. The tagging stays on as many threads as before, so the models' per-thread
 * objects are made and warmed no more often.
 */
final class IngestRoute extends RouteBuilder {
    static final String INGEST = "direct:ingest";
    static final String FILE = "direct:file";
    static final String NEW_FILE = "direct:new-file";
    static final String DOCUMENT = "direct:document";

    private static final Logger LOG = LoggerFactory.getLogger(IngestRoute.class);

    private final String caseId;
    private final String municipality;
    private final DocumentAnalyser analyser;
    private final PassageBuilder passages = new PassageBuilder();
    /** When to commit: a process killed mid-ingest loses what came after the last commit, and ingesting again completes it. */
    private final CommitPolicy commits;
    /** Documents added since the last commit, and when that commit was (at first: when the route was made). */
    private final AtomicInteger sinceCommit = new AtomicInteger();
    private volatile long lastCommitNanos = System.nanoTime();
    private final EvidenceSink index;
    private final ReceiptCollector receipts;
    private final IndexIdempotentRepository seen;
    private final ExecutorService pool;
    /** The threads that normalise, tag, build passages and index. */
    private final ExecutorService tagging;
    private final FailureMemory failures;
    private final IncompleteContainers incomplete;
    /** Content hashes already made (by {@link KnownFiles}), by path in the bundle. */
    private final Map<String, String> hashes;
    /** Files of one size pass the duplicate check in the bundle's order, those the manifest names first. */
    private final DuplicateOrder order;
    /** Whether a file read still has the bytes it was hashed from. */
    private final ChangedWhileRead changes;
    /** Whether a file has been read yet (its time is marked: {@link IngestMarks}). */
    private final AtomicBoolean firstAnswer = new AtomicBoolean();
    /** Documents indexed so far (every thousandth marks the processor time used: {@link CpuMark}). */
    private final AtomicInteger indexedCount = new AtomicInteger();
    /** Whether a document has been indexed yet (its time is marked). */
    private final AtomicBoolean firstIndexed = new AtomicBoolean();
    /** Whether the ingestion is asked to stop: a file not yet begun is then left unread. */
    private final BooleanSupplier stopAsked;
    /** Whether a file was left unread for a stop. */
    private final AtomicBoolean leftUnread = new AtomicBoolean();
    /** The first error met while a failed file's line was recorded (its line is then missing). */
    private final AtomicReference<Error> unrecorded = new AtomicReference<>();

    IngestRoute(String caseId, String municipality, DocumentAnalyser analyser, EvidenceSink index,
                ReceiptCollector receipts, ExecutorService pool, ExecutorService tagging, FailureMemory failures, IncompleteContainers incomplete, Map<String, String> hashes,
                List<BundleEntry> entries, ChangedWhileRead changes, BooleanSupplier stopAsked) {
        this.caseId = caseId;
        this.stopAsked = stopAsked;
        this.municipality = municipality;
        this.analyser = analyser;
        this.index = index;
        this.receipts = receipts;
        this.seen = new IndexIdempotentRepository(caseId, index, incomplete);
        this.pool = pool;
        this.tagging = tagging;
        this.failures = failures;
        this.incomplete = incomplete;
        this.hashes = hashes;
        this.commits = CommitPolicy.forBundle(entries.size());
        this.order = new DuplicateOrder(entries);
        this.changes = changes;
    }

    @Override
    public void configure() {
        from(INGEST).routeId("ingest-bundle")
                .process(ex -> ex.getIn().setBody(order.entries())) // the bundle's entries, in the check order
                .split(body()).parallelProcessing().executorService(pool)
                    // a stop asked: the files begun are finished, those not begun left (the split's tasks start in order,
                    // so a file waiting for an earlier one of its size never waits for one left out)
                    .filter(StepErrors.predicate(this::begins))
                        .to(FILE)
                    .end()
                .end();

        // One file of the bundle: skip it if its bytes are already in the case.
        from(FILE).routeId("ingest-file")
                .onException(Exception.class).handled(true).process(handler(this::recordFileFailure)).end()
                .choice()
                    .when(bodyIs(BundleEntry.class, e -> e.problem() != null))
                        .process(failingOnError(this::recordUnreadable))
                    .otherwise()
                        .process(failingOnError(this::hash))                     // BundleEntry → HashedFile
                        .process(failingOnError(this::awaitEarlierOfSize))
                        .idempotentConsumer(sha256(), seen).skipDuplicate(false)
                            .process(failingOnError(this::checked))
                            .choice()
                                .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                                    .process(failingOnError(this::recordDuplicate))
                                .otherwise()
                                    .to(NEW_FILE)
                            .end()
                        .end()
                .end();

        // A new file: Tika reads it (in a worker process). An e-mail with attachments or an archive holds
        // documents of its own: each goes on as a document, and the file itself last (its entry in the index
        // marks all it holds as ingested). Any other file is one document.
        from(NEW_FILE).routeId("ingest-new-file")
                .onException(Exception.class).handled(true).process(handler(this::recordFileFailure)).end()
                .process(failingOnError(this::extract))                          // HashedFile → ExtractedFile
                .choice()
                    .when(bodyIs(ExtractedFile.class, f -> !f.holdsDocuments()))
                        .process(failingOnError(this::asDocument))               // ExtractedFile → DocumentWork
                        .to(DOCUMENT)
                    .otherwise()
                        .process(failingOnError(this::splitDocuments))           // ExtractedFile → List<DocumentWork>
                        .split(body())
                            .to(DOCUMENT)
                        .end()
                .end();

        // One document: the file itself or one it holds (an attachment, a file in a zip). It ends as a receipt line.
        from(DOCUMENT).routeId("ingest-document")
                .onException(Exception.class).handled(true).process(handler(this::recordDocumentFailure)).end()
                .choice()
                    .when(bodyIs(DocumentWork.class, DocumentWork::failed))
                        .process(failingOnError(this::failedInContainer))        // DocumentWork → ReceiptFile
                    .when(bodyIs(DocumentWork.class, this::inCaseAlready))
                        .process(failingOnError(this::recordInCase))             // DocumentWork → ReceiptFile
                    .when(bodyIs(DocumentWork.class, DocumentWork::isPureContainer))
                        .process(failingOnError(this::indexArchive))             // DocumentWork → ReceiptFile
                    .otherwise()
                        .process(this::onTaggingThread)                          // DocumentWork → ReceiptFile
                .end()
                .process(failingOnError(ex -> recordDocument(ex.getIn().getBody(ReceiptFile.class))));
    }

    /** Whether a file is begun: not when a stop is asked (it is then left unread, and the route ends with those begun). */
    private boolean begins(Exchange ex) {
        if (stopAsked.getAsBoolean()) {
            leftUnread.set(true);
            return false;
        }
        return true;
    }

    /** Whether a file of the bundle was left unread because a stop was asked. */
    boolean leftUnread() {
        return leftUnread.get();
    }

    /** A choice's test of the body: an error in it (the index looked up for a document read again) is the file's failure. */
    private static <T> Predicate bodyIs(Class<T> type, java.util.function.Predicate<T> test) {
        return StepErrors.predicate(ex -> test.test(ex.getIn().getBody(type)));
    }

    /** The content hash of a {@link HashedFile} body: the idempotent consumer's key. */
    private static Expression sha256() {
        return StepErrors.expression(new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange ex) {
                return ex.getIn().getBody(HashedFile.class).sha256();
            }
        });
    }

    private void hash(Exchange ex) throws Exception {
        BundleEntry entry = ex.getIn().getBody(BundleEntry.class);
        String known = hashes.get(entry.path());
        ex.getIn().setBody(new HashedFile(entry, known != null ? known : hashOf(entry, changes)));
    }

    /**
     * The file's content hash. A file gone since the bundle was listed, or one the user may not read, is a file that
     * cannot be read from disk (bad input, said as such), not an unexpected error of ours.
     */
    static String hashOf(BundleEntry entry, ChangedWhileRead changes) throws IOException, ExtractionException {
        try {
            return changes.hash(entry.file());
        } catch (FileSystemException e) {
            throw new ExtractionException(Reason.UNREADABLE, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private void awaitEarlierOfSize(Exchange ex) throws InterruptedException {
        order.awaitEarlier(ex.getIn().getBody(HashedFile.class).entry().path());
    }

    private void checked(Exchange ex) {
        order.checked(ex.getIn().getBody(HashedFile.class).entry().path());
    }

    private void extract(Exchange ex) throws ExtractionException {
        HashedFile file = ex.getIn().getBody(HashedFile.class);
        var before = failures.recall(file.sha256());
        if (before.isPresent()) {
            throw FailedLines.failedBefore(before.get());
        }
        var extraction = analyser.extract(file.entry().file());
        changes.requireUnchanged(file.entry().file(), file.sha256());
        if (firstAnswer.compareAndSet(false, true)) {
            IngestMarks.mark("first file read");
        }
        failures.readWell(file.sha256());
        if (!extraction.embedded().isEmpty()) {
            incomplete.reading(file.entry().path(), file.sha256());
        }
        ex.getIn().setBody(new ExtractedFile(file, extraction));
    }

    /** A document of a container read again (it had documents missing) that is in the case already: left as it is. */
    private boolean inCaseAlready(DocumentWork work) {
        if (work.sha256() == null || !incomplete.isReadAgain(IncompleteContainers.containerOf(work.path()))) {
            return false;
        }
        try {
            return index.contains(caseId, work.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void recordInCase(Exchange ex) {
        DocumentWork work = ex.getIn().getBody(DocumentWork.class);
        String reason = work.path().contains("!/") ? ReceiptFile.duplicateReason(null) : ReceiptFile.DUPLICATE_READ_AGAIN;
        ex.getIn().setBody(new ReceiptFile(work.path(), work.sha256(), work.type(), ReceiptFile.DUPLICATE, reason, null, 0, 0));
    }

    /**
     * A document's receipt line: one inside a container that is missing marks its container incomplete (before the
     * container's own entry goes in, which comes last).
     */
    private void recordDocument(ReceiptFile line) {
        receipts.record(line);
        if (!line.path().contains("!/")) {
            incomplete.ownLine(line.path());
        } else if (ReceiptFile.FAILED.equals(line.status())) {
            incomplete.missing(IncompleteContainers.containerOf(line.path()), line.path(), Reason.fromText(line.reason()));
        }
    }

    private void asDocument(Exchange ex) {
        List<DocumentWork> documents = documentsOf(ex.getIn().getBody(ExtractedFile.class));
        ex.getIn().setBody(documents.get(documents.size() - 1));
    }

    private void splitDocuments(Exchange ex) {
        ex.getIn().setBody(documentsOf(ex.getIn().getBody(ExtractedFile.class)));
    }

    private List<DocumentWork> documentsOf(ExtractedFile file) {
        return DocumentWork.of(file.file(), file.extraction(), municipality);
    }

    /**
     * A document's CPU stages, run on a tagging thread while this route thread waits: normalise (DocumentWork →
     * Normalised), tag (→ Analysed), passages (→ Built), index (→ ReceiptFile). A stage's failure is thrown here as
     * it was thrown there, with the body at the stage that failed, for the route's own handling. Camel's own
     * {@code threads()} hands an exchange to another pool too, but releases the calling thread at once, so the split's
     * threads would go on reading files, as many as the other pool's queue takes; waiting here keeps the files read ahead
     * at one per tagging thread.
     */
    private void onTaggingThread(Exchange ex) throws Exception {
        Future<?> done = tagging.submit(() -> {
            normalise(ex);
            tag(ex);
            buildPassages(ex);
            indexDocument(ex);
            return null;
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failed) {
                throw failed;
            }
            if (e.getCause() instanceof Error error) {
                // The route's handling takes exceptions: an error thrown at it left the exchange unfinished and the
                // ingest waiting for ever (round 51: a heap too small for a huge text). The stages have let go of
                // what they held, so it is this document's failure, said with what it was.
                throw StepErrors.unexpected(error);
            }
            throw e;
        }
    }

    /**
     * A step on one of the split's threads (the hashing, the reading of the worker's answer, a document's own line, the
     * recording of a line) whose {@link Error} is its file's or document's failure: the routes' handling takes exceptions
     * only, and an error thrown at Camel left the exchange unfinished and the ingest waiting for ever, as on a tagging
     * thread.
     */
    private static Processor failingOnError(Processor step) {
        return StepErrors.processor(step);
    }

    /**
     * A route's handler of a failed file or document: an error while it records the failure (the line itself cannot be
     * recorded) leaves that file without a line, so the ingest cannot end with a receipt. The error is kept, the
     * exchange ends, and the ingest stops with it once the other files are through ({@link #requireEveryLine}); thrown
     * at Camel from here it left the ingest waiting for ever.
     */
    private Processor handler(Processor record) {
        return ex -> {
            try {
                record.process(ex);
            } catch (Error error) {
                unrecorded.compareAndSet(null, error);
                LOG.error("a failed file's receipt line could not be recorded: {}", error.toString());
            }
        };
    }

    /** Throws when a failed file's line could not be recorded: the receipt would leave it out. */
    void requireEveryLine() {
        Error error = unrecorded.get();
        if (error != null) {
            throw new LineNotRecorded(error);
        }
    }

    /** The extraction is let go here: the stages after it know the document by its {@link DocumentRef}. */
    private void normalise(Exchange ex) throws ExtractionException {
        DocumentWork work = ex.getIn().getBody(DocumentWork.class);
        NormalisedText text = analyser.normalise(work.extraction());
        ex.getIn().setBody(new DocumentStage.Normalised(work.ref(), text));
    }

    private void tag(Exchange ex) {
        DocumentStage.Normalised doc = ex.getIn().getBody(DocumentStage.Normalised.class);
        DocumentRef ref = doc.ref();
        ex.getIn().setBody(new DocumentStage.Analysed(ref, doc.text(),
                analyser.tagForIndex(ref.path(), ref.sha256(), ref.mediaType(), doc.text())));
    }

    private void buildPassages(Exchange ex) {
        DocumentStage.Analysed doc = ex.getIn().getBody(DocumentStage.Analysed.class);
        DocumentRef ref = doc.ref();
        List<Passage> built = passages.build(
                new PassageBuilder.Source(caseId, ref.docId(), ref.path(), ref.type(), ref.title(), ref.facets()),
                doc.analysis());
        IndexedDocument document = new IndexedDocument(ref.docId(), caseId, ref.path(), ref.type(), ref.title(),
                ref.sha256(), doc.analysis().mediaType(), doc.text().text(), doc.text().pageStarts(), TextNormaliser.VERSION);
        ex.getIn().setBody(new DocumentStage.Built(ref, document, built));
    }

    private void indexDocument(Exchange ex) throws Exception {
        DocumentStage.Built doc = ex.getIn().getBody(DocumentStage.Built.class);
        DocumentRef ref = doc.ref();
        // A file of the bundle is new here (its content hash said so); what a container holds may have been
        // added by a run that was cut short before the container itself went in, so it replaces any copy.
        if (ref.path().contains("!/")) {
            index.replace(doc.document(), doc.passages());
        } else {
            index.add(doc.document(), doc.passages());
        }
        ex.getIn().setBody(new ReceiptFile(ref.path(), ref.sha256(), ref.type(), ReceiptFile.INDEXED, null, null,
                doc.document().pageStarts().size(), doc.passages().size()));
        if (firstIndexed.compareAndSet(false, true)) {
            IngestMarks.mark("first document indexed");
        }
        CpuMark.indexed(indexedCount.incrementAndGet());
        commitIfDue();
    }

    /**
     * Commits when the policy says so. Of the threads that find a commit due at once, the one that counted last makes
     * it: a thread whose count has moved on lost it to a thread that counted after it, which sees more documents and
     * more time and so finds the commit due as well.
     */
    private void commitIfDue() throws IOException {
        int added = sinceCommit.incrementAndGet();
        if (commits.due(added, System.nanoTime() - lastCommitNanos) && sinceCommit.compareAndSet(added, 0)) {
            lastCommitNanos = System.nanoTime();
            IngestMarks.mark("commit begins");
            index.commit();
            IngestMarks.mark("commit done");
        }
    }

    /** An archive with no text of its own: in the index all the same, as the mark that its content is ingested. */
    private void indexArchive(Exchange ex) throws Exception {
        DocumentWork work = ex.getIn().getBody(DocumentWork.class);
        index.replace(new IndexedDocument(work.docId(), caseId, work.path(), work.type(), work.indexTitle(),
                work.sha256(), work.extraction().mediaType(), "", List.of(0)), List.of());
        int n = work.extraction().embedded().size();
        ex.getIn().setBody(new ReceiptFile(work.path(), work.sha256(), work.type(), ReceiptFile.CONTAINER,
                ReceiptFile.containerReason(n), null, 0, 0));
    }

    private void failedInContainer(Exchange ex) {
        DocumentWork work = ex.getIn().getBody(DocumentWork.class);
        ex.getIn().setBody(failed(work.path(), work.type(), work.sha256(), new ExtractionException(work.problem(), work.detail())));
    }

    private void recordUnreadable(Exchange ex) {
        BundleEntry entry = ex.getIn().getBody(BundleEntry.class);
        receipts.record(failed(entry.path(), entry.type(), null, new ExtractionException(Reason.fromText(entry.problem()))));
    }

    private void recordDuplicate(Exchange ex) {
        HashedFile file = ex.getIn().getBody(HashedFile.class);
        String original = seen.claimedBy(file.sha256());
        String reason = original == null && incomplete.leftIncomplete(file.sha256()) ? ReceiptFile.DUPLICATE_INCOMPLETE
                : ReceiptFile.duplicateReason(original);
        receipts.record(new ReceiptFile(file.entry().path(), file.sha256(), file.entry().type(), ReceiptFile.DUPLICATE,
                reason, null, 0, 0));
    }

    /**
     * A file failed on its own (not one of its documents): its body is the entry, the entry with its hash,
     * the extracted file, or the documents it holds (the file itself last).
     */
    private void recordFileFailure(Exchange ex) {
        Object body = ex.getIn().getBody();
        String path;
        String type;
        String sha;
        Exception e = caught(ex);
        if (body instanceof BundleEntry entry) {
            path = entry.path();
            type = entry.type();
            sha = null;
        } else if (body instanceof ExtractedFile extracted) {
            path = extracted.file().entry().path();
            type = extracted.file().entry().type();
            sha = extracted.file().sha256();
        } else if (body instanceof HashedFile file) {
            path = file.entry().path();
            type = file.entry().type();
            sha = file.sha256();
            e = failures.remember(sha, e);
            if (incomplete.isReadAgain(path)) {
                // read again for a missing document, it failed as a whole: its mark stays, with this reading's reason
                incomplete.missing(path, path, Reason.fromText(FailedLines.line(path, type, sha, e).reason()));
            }
        } else {
            List<?> documents = ex.getIn().getBody(List.class);
            DocumentWork self = (DocumentWork) documents.get(documents.size() - 1);
            path = self.path();
            type = self.type();
            sha = self.sha256();
        }
        if (sha != null) {
            seen.remove(sha);
        }
        order.checked(path);
        receipts.record(failedUnlessRecorded(path, type, sha, e));
    }

    /**
     * A document failed at one of its stages, or after them: its body is then its finished line (the commit it made
     * failed, on a full disk say). What it added is then not saved, and so it is on a full disk whatever the stage (the
     * index writer closes on the first write that fails, and refuses every document after it): said with the disk's
     * words, not as an error of ours with a stack trace for each document. (The documents added before it since the
     * last good commit are not saved either: {@link UnsavedDocuments} names them, and the ingestion changes their lines.)
     */
    private void recordDocumentFailure(Exchange ex) {
        Object body = ex.getIn().getBody();
        Exception e = caught(ex);
        // an error (out of memory) while the line was recorded or the commit made is said as what it was
        boolean error = e instanceof ExtractionException && e.getCause() instanceof Error;
        if (!error && (body instanceof ReceiptFile || Messages.diskFull(e))) {
            e = new ExtractionException(Reason.NOT_SAVED, Messages.oneLine(e), e);
        }
        ReceiptFile line = body instanceof ReceiptFile done ? failedUnlessRecorded(done.path(), done.type(), done.sha256(), e)
                : failed(((DocumentStage) body).ref(), e);
        recordDocument(line);
    }

    /**
     * The failed line of a file, or the line it has already: an error that comes after a file's line was recorded (while
     * the progress is shown, say) leaves that line (the first word on a path counts), so the log says the line that
     * stands and the error after it, not a failure the receipt does not show (round 52).
     */
    private ReceiptFile failedUnlessRecorded(String path, String type, String sha, Exception e) {
        ReceiptFile had = receipts.line(path);
        if (had == null) {
            return failed(path, type, sha, e);
        }
        LOG.warn("{}: {}: its line was recorded before an error, which changes nothing of it: {}", had.status(), path,
                Messages.oneLine(e));
        return had;
    }

    private static ReceiptFile failed(DocumentRef ref, Exception e) {
        return failed(ref.path(), ref.type(), ref.sha256(), e);
    }

    private static Exception caught(Exchange ex) {
        return StepErrors.failureOf(ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    private static ReceiptFile failed(String path, String type, String sha, Exception e) {
        ReceiptFile line = FailedLines.line(path, type, sha, e);
        // Never the document's text in the log: the path and the reason only. Bad input, and an index that could not
        // be reached, are expected and go to the receipt; anything else is a fault of ours, logged with its stack trace.
        if (e instanceof ExtractionException || e instanceof IndexIdempotentRepository.IndexUnreachable) {
            FailedLines.log(line);
        } else {
            LOG.warn("failed: {}: {}", path, line.reason(), e);
        }
        return line;
    }

}
