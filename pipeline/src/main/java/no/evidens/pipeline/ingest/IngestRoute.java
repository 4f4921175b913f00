package no.evidens.pipeline.ingest;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;
import no.evidens.pipeline.passages.PassageBuilder;

/**
 * The ingestion flow: a bundle's files are split into one exchange per file, processed in parallel:
 * hash → skip duplicates → Tika → (the file and each document it holds) normalise → tag → passages →
 * Lucene. A document that fails goes to the receipt with its reason, and the batch goes on.
 */
final class IngestRoute extends RouteBuilder {
    static final String INGEST = "direct:ingest";
    static final String FILE = "direct:file";
    static final String DOCUMENT = "direct:document";

    private static final Logger LOG = LoggerFactory.getLogger(IngestRoute.class);
    private static final String ENTRY = "evidensEntry";
    private static final String PATH = "evidensPath";
    private static final String SHA = "evidensSha256";
    private static final String WORK = "evidensWork";
    private static final String TEXT = "evidensText";
    private static final String ANALYSIS = "evidensAnalysis";

    private final String caseId;
    private final String municipality;
    private final DocumentAnalyser analyser;
    /** Documents between commits: a process killed mid-ingest loses at most these, and ingesting again completes it. */
    static final int COMMIT_EVERY = 25;

    private final PassageBuilder passages = new PassageBuilder();
    private final AtomicInteger sinceCommit = new AtomicInteger();
    private final EvidenceIndexWriter index;
    private final ReceiptCollector receipts;
    private final IndexIdempotentRepository seen;
    private final ExecutorService pool;

    IngestRoute(String caseId, String municipality, DocumentAnalyser analyser, EvidenceIndexWriter index,
                ReceiptCollector receipts, ExecutorService pool) {
        this.caseId = caseId;
        this.municipality = municipality;
        this.analyser = analyser;
        this.index = index;
        this.receipts = receipts;
        this.seen = new IndexIdempotentRepository(caseId, index, PATH);
        this.pool = pool;
    }

    @Override
    public void configure() {
        from(INGEST).routeId("ingest-bundle")
                .split(body()).parallelProcessing().executorService(pool)
                    .to(FILE)
                .end();

        // One file of the bundle: skip it if its bytes are already in the case, else extract it
        // (with whatever it holds: attachments, files in a zip) and index each document in it.
        from(FILE).routeId("ingest-file")
                .onException(Exception.class).handled(true).process(this::recordFileFailure).end()
                .process(this::hash)
                .idempotentConsumer(exchangeProperty(SHA), seen).skipDuplicate(false)
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .process(this::recordDuplicate)
                        .otherwise()
                            .process(this::extract)
                            .split(body())
                                .to(DOCUMENT)
                            .end()
                    .end()
                .end();

        // One document: normalise → tag → passages → Lucene.
        from(DOCUMENT).routeId("ingest-document")
                .onException(Exception.class).handled(true).process(this::recordDocumentFailure).end()
                .process(this::normalise)
                .process(this::tag)
                .process(this::indexPassages);
    }

    private void hash(Exchange ex) throws Exception {
        BundleEntry entry = ex.getIn().getBody(BundleEntry.class);
        ex.setProperty(ENTRY, entry);
        ex.setProperty(PATH, entry.path());
        if (entry.problem() != null) {
            throw new ExtractionException(entry.problem());
        }
        ex.setProperty(SHA, Sha256.of(entry.file()));
    }

    private void extract(Exchange ex) throws ExtractionException {
        BundleEntry entry = entry(ex);
        ex.getIn().setBody(DocumentWork.of(entry, sha(ex), analyser.extract(entry.file()), municipality));
    }

    private void normalise(Exchange ex) throws Exception {
        DocumentWork work = ex.getIn().getBody(DocumentWork.class);
        ex.setProperty(WORK, work);
        if (work.problem() != null) {
            throw new ExtractionException(work.problem());
        }
        if (work.isPureContainer()) {
            // No text of its own, but in the index all the same: it marks the archive's content as ingested.
            index.replace(new IndexedDocument(work.docId(), caseId, work.path(), work.type(), titleOf(work), work.sha256(),
                    work.extraction().mediaType(), "", List.of(0)), List.of());
            int n = work.extraction().embedded().size();
            receipts.record(work.path(), work.type(), work.sha256(), ReceiptFile.INDEXED,
                    "an archive of " + n + (n == 1 ? " file, listed" : " files, each listed") + " on its own", 0, 0);
            ex.setRouteStop(true);
            return;
        }
        ex.setProperty(TEXT, analyser.normalise(work.extraction()));
    }

    private void tag(Exchange ex) {
        DocumentWork work = work(ex);
        ex.setProperty(ANALYSIS, analyser.tag(work.path(), work.sha256(), work.extraction(),
                ex.getProperty(TEXT, NormalisedText.class)));
    }

    private void indexPassages(Exchange ex) throws Exception {
        DocumentWork work = work(ex);
        DocumentAnalysis analysis = ex.getProperty(ANALYSIS, DocumentAnalysis.class);
        NormalisedText text = ex.getProperty(TEXT, NormalisedText.class);
        String title = titleOf(work);
        List<Passage> built = passages.build(
                new PassageBuilder.Source(caseId, work.docId(), work.path(), work.type(), title, work.facets()), analysis);
        IndexedDocument document = new IndexedDocument(work.docId(), caseId, work.path(), work.type(), title, work.sha256(),
                analysis.mediaType(), text.text(), text.pageStarts(), TextNormaliser.VERSION);
        // A file of the bundle is new here (its content hash said so); what a container holds may have been
        // added by a run that was cut short before the container itself went in, so it replaces any copy.
        if (work.path().contains("!/")) {
            index.replace(document, built);
        } else {
            index.add(document, built);
        }
        receipts.record(work.path(), work.type(), work.sha256(), ReceiptFile.INDEXED, null, text.pages(), built.size());
        if (sinceCommit.incrementAndGet() >= COMMIT_EVERY) {
            sinceCommit.set(0);
            index.commit();
        }
    }

    private static String titleOf(DocumentWork work) {
        if (work.title() != null) {
            return work.title();
        }
        String own = work.extraction().title();
        if (own != null && !own.isBlank()) {
            return own.strip();
        }
        String name = work.path().substring(Math.max(work.path().lastIndexOf('/'), work.path().lastIndexOf('!')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void recordDuplicate(Exchange ex) {
        String original = seen.claimedBy(sha(ex));
        BundleEntry entry = entry(ex);
        receipts.record(entry.path(), entry.type(), sha(ex), ReceiptFile.DUPLICATE, original == null
                ? "the same content is already in this case" : "the same content as " + original, 0, 0);
    }

    private void recordFileFailure(Exchange ex) {
        String sha = sha(ex);
        if (sha != null) {
            seen.remove(sha);
        }
        BundleEntry entry = entry(ex);
        recordFailure(ex, entry.path(), entry.type(), sha);
    }

    private void recordDocumentFailure(Exchange ex) {
        DocumentWork work = work(ex);
        recordFailure(ex, work.path(), work.type(), work.sha256());
    }

    private void recordFailure(Exchange ex, String path, String type, String sha) {
        Exception e = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = e instanceof ExtractionException ? e.getMessage()
                : "unexpected error while processing the file (" + e.getClass().getSimpleName() + ")";
        // Never the document's text in the log: the path and the reason only. Bad input is expected and
        // goes to the receipt; anything else is a fault of ours and is logged with its stack trace.
        if (e instanceof ExtractionException) {
            LOG.info("failed: {}: {}", path, reason);
        } else {
            LOG.warn("failed: {}: {}", path, reason, e);
        }
        receipts.record(path, type, sha, ReceiptFile.FAILED, reason, 0, 0);
    }

    private static DocumentWork work(Exchange ex) {
        return ex.getProperty(WORK, DocumentWork.class);
    }

    private static BundleEntry entry(Exchange ex) {
        return ex.getProperty(ENTRY, BundleEntry.class);
    }

    private static String sha(Exchange ex) {
        return ex.getProperty(SHA, String.class);
    }
}
