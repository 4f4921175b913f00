package no.evidens.pipeline.ingest;

import java.util.List;
import java.util.concurrent.ExecutorService;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.analyse.Sha256;
import no.evidens.pipeline.bundle.BundleEntry;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.passages.PassageBuilder;

/**
 * The ingestion flow: a bundle's entries are split into one exchange per document, processed in
 * parallel: hash → skip duplicates → Tika → normalise → tag → passages → Lucene. A document that
 * fails goes to the receipt with its reason, and the batch goes on.
 */
final class IngestRoute extends RouteBuilder {
    static final String INGEST = "direct:ingest";
    static final String DOCUMENT = "direct:document";

    private static final Logger LOG = LoggerFactory.getLogger(IngestRoute.class);
    private static final String ENTRY = "evidensEntry";
    private static final String PATH = "evidensPath";
    private static final String SHA = "evidensSha256";
    private static final String EXTRACTION = "evidensExtraction";
    private static final String TEXT = "evidensText";
    private static final String ANALYSIS = "evidensAnalysis";

    private final String caseId;
    private final DocumentAnalyser analyser;
    private final PassageBuilder passages = new PassageBuilder();
    private final EvidenceIndexWriter index;
    private final ReceiptCollector receipts;
    private final IndexIdempotentRepository seen;
    private final ExecutorService pool;

    IngestRoute(String caseId, DocumentAnalyser analyser, EvidenceIndexWriter index, ReceiptCollector receipts,
                ExecutorService pool) {
        this.caseId = caseId;
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
                    .to(DOCUMENT)
                .end();

        from(DOCUMENT).routeId("ingest-document")
                .onException(Exception.class).handled(true).process(this::recordFailure).end()
                .process(this::hash)
                .idempotentConsumer(exchangeProperty(SHA), seen).skipDuplicate(false)
                    .choice()
                        .when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
                            .process(this::recordDuplicate)
                        .otherwise()
                            .process(this::extract)
                            .process(this::normalise)
                            .process(this::tag)
                            .process(this::indexPassages)
                    .end()
                .end();
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
        ex.setProperty(EXTRACTION, analyser.extract(entry(ex).file()));
    }

    private void normalise(Exchange ex) throws ExtractionException {
        ex.setProperty(TEXT, analyser.normalise(ex.getProperty(EXTRACTION, Extraction.class)));
    }

    private void tag(Exchange ex) {
        ex.setProperty(ANALYSIS, analyser.tag(entry(ex).path(), sha(ex), ex.getProperty(EXTRACTION, Extraction.class),
                ex.getProperty(TEXT, NormalisedText.class)));
    }

    private void indexPassages(Exchange ex) throws Exception {
        BundleEntry entry = entry(ex);
        Extraction extraction = ex.getProperty(EXTRACTION, Extraction.class);
        DocumentAnalysis analysis = ex.getProperty(ANALYSIS, DocumentAnalysis.class);
        NormalisedText text = ex.getProperty(TEXT, NormalisedText.class);
        String docId = sha(ex).substring(0, 16);
        String title = titleOf(entry, extraction);
        List<Passage> built = passages.build(
                new PassageBuilder.Source(caseId, docId, entry.path(), entry.type(), title), analysis);
        index.add(new IndexedDocument(docId, caseId, entry.path(), entry.type(), title, sha(ex), analysis.mediaType(),
                text.text(), text.pageStarts()), built);
        receipts.indexed(entry, sha(ex), text.pages(), built.size());
    }

    private static String titleOf(BundleEntry entry, Extraction extraction) {
        if (entry.title() != null) {
            return entry.title();
        }
        if (extraction.title() != null && !extraction.title().isBlank()) {
            return extraction.title().strip();
        }
        String name = entry.path().substring(entry.path().lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void recordDuplicate(Exchange ex) {
        String original = seen.claimedBy(sha(ex));
        receipts.duplicate(entry(ex), sha(ex), original == null
                ? "the same content is already in this case" : "the same content as " + original);
    }

    private void recordFailure(Exchange ex) {
        Exception e = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        BundleEntry entry = entry(ex);
        String sha = sha(ex);
        if (sha != null) {
            seen.remove(sha);
        }
        String reason = e instanceof ExtractionException ? e.getMessage()
                : "unexpected error while processing the file (" + e.getClass().getSimpleName() + ")";
        // Never the document's text in the log: the path and the reason only. Bad input is expected and
        // goes to the receipt; anything else is a fault of ours and is logged with its stack trace.
        if (e instanceof ExtractionException) {
            LOG.info("failed: {}: {}", entry.path(), reason);
        } else {
            LOG.warn("failed: {}: {}", entry.path(), reason, e);
        }
        receipts.failed(entry, sha, reason);
    }

    private static BundleEntry entry(Exchange ex) {
        return ex.getProperty(ENTRY, BundleEntry.class);
    }

    private static String sha(Exchange ex) {
        return ex.getProperty(SHA, String.class);
    }
}
