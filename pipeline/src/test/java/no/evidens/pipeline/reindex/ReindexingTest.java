package no.evidens.pipeline.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.CaseClosed;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.StoredDocument;
import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.findings.CaseFixture;

/**
 * A reindex's bookkeeping, without the models: a re-tagging stood in for (one indicator more on every passage), a failure,
 * a stop, an index that stops taking writes, a closed case and the trail.
 */
class ReindexingTest {
    @TempDir
    Path tmp;
    CaseFixture fx;
    EvidensHome home;

    @BeforeEach
    void setUp() throws Exception {
        fx = CaseFixture.create(tmp);
        home = new EvidensHome(fx.home);
    }

    /** Adds documents {@code extra-1} … {@code extra-n} of one passage each to the fixture's case. */
    private void addDocuments(int n) throws Exception {
        try (EvidenceIndexWriter w = IndexBackend.embeddedWriter(home)) {
            for (int i = 1; i <= n; i++) {
                String id = "extra-" + i;
                String text = "Notat nummer " + i + ".";
                w.add(new IndexedDocument(id, CaseFixture.CASE, "annet/" + id + ".txt", "annet", id, "sha" + i, "text/plain", text,
                        List.of(0)), List.of(new Passage(Passage.idOf(CaseFixture.CASE, id, 1), CaseFixture.CASE, id,
                        "annet/" + id + ".txt", "annet", id, "", 1, 0, text.length(), text, List.of(), List.of())));
            }
            w.commit();
        }
    }

    /** The stand-in for today's taggers: every passage gains the indicator {@code ny}. */
    private static Retagger.Retagged oneMore(StoredDocument d) {
        List<Passage> out = new ArrayList<>();
        for (Passage p : d.passages()) {
            List<String> indicators = new ArrayList<>(p.indicators());
            indicators.add("ny");
            out.add(new Passage(p.passageId(), p.caseId(), p.docId(), p.file(), p.type(), p.title(), p.heading(), p.page(),
                    p.start(), p.end(), p.text(), p.quotes(), indicators, p.laws(), d.facets()));
        }
        return new Retagger.Retagged(out, false, out.size());
    }

    private Reindexing reindexing() {
        return new Reindexing(home, Codebook::defaults);
    }

    private List<String> indicatorsOf(String docId) throws Exception {
        try (EvidenceIndexWriter w = IndexBackend.embeddedWriter(home)) {
            return w.stored(CaseFixture.CASE, docId).orElseThrow().passages().stream()
                    .flatMap(p -> p.indicators().stream()).toList();
        }
    }

    @Test
    void aDocumentWhoseTaggingFailsKeepsItsPassagesAndIsNamedWhileTheOthersAreRetagged() throws Exception {
        addDocuments(2);
        ReindexReport report = reindexing().retagWith(d -> {
            if (d.document().docId().equals("extra-1")) {
                throw new IllegalStateException("the model could not be read");
            }
            return oneMore(d);
        }).run(CaseFixture.CASE, "kari", Reindexing.Progress.NONE);
        assertTrue(report.anyFailed());
        ReindexReport.CaseSummary c = report.cases().get(0);
        assertEquals(3, c.documents());
        assertEquals(2, c.rewritten());
        assertEquals(List.of(new ReindexReport.Failed("extra-1", "annet/extra-1.txt",
                "IllegalStateException: the model could not be read")), c.failed());
        assertEquals(5, c.passagesBefore());
        assertEquals(5, c.passagesAfter());
        assertEquals(0, c.before().indicators());
        assertEquals(4, c.after().indicators());
        assertEquals(Map.of("ny", 4), c.before().changesTo(c.after()));
        assertEquals(List.of(), indicatorsOf("extra-1"));
        assertEquals(List.of("ny"), indicatorsOf("extra-2"));
        assertEquals(List.of("ny", "ny", "ny"), indicatorsOf(fx.docId));
    }

    @Test
    void aStopFinishesTheDocumentsBegunAndLeavesTheRestWhole() throws Exception {
        addDocuments(8);
        AtomicBoolean stop = new AtomicBoolean();
        ReindexReport report = reindexing().stopWhen(stop::get).retagWith(d -> {
            stop.set(true); // Ctrl-C while the first documents are tagged
            return oneMore(d);
        }).run(CaseFixture.CASE, "kari", Reindexing.Progress.NONE);
        assertTrue(report.stopped());
        assertEquals(9, report.documents());
        assertTrue(report.done() >= 1 && report.done() < 9, "done: " + report.done());
        assertEquals(report.done(), report.cases().get(0).documents());
        int retagged = 0;
        for (int i = 1; i <= 8; i++) {
            List<String> tags = indicatorsOf("extra-" + i);
            assertTrue(tags.isEmpty() || tags.equals(List.of("ny")), tags.toString());
            retagged += tags.size();
        }
        retagged += indicatorsOf(fx.docId).isEmpty() ? 0 : 1;
        assertEquals(report.done(), retagged, "every document begun is committed, and only those");
        // the trail says the run stopped, and how far it got: not read as the whole case re-tagged
        CliRun audit = fx.cli("audit", "--case", CaseFixture.CASE);
        assertTrue(audit.out().contains("kari case-reindex case " + CaseFixture.CASE + " (" + report.done()
                + " dokumenter merket på nytt; indikatorer ") && audit.out().contains("; kjøringen stoppet etter " + report.done()
                + " av 9 dokumenter)"), audit.out());
    }

    /** The embedded writer, its re-tagging writes refused as a cluster that stopped taking them refuses, after {@code took}. */
    private static EvidenceSink takingNoWritesAfter(EvidenceSink real, int took, AtomicInteger tried) {
        return new EvidenceSink() {
            @Override
            public void add(IndexedDocument doc, List<Passage> passages) throws IOException {
                real.add(doc, passages);
            }

            @Override
            public void replace(IndexedDocument doc, List<Passage> passages) throws IOException {
                real.replace(doc, passages);
            }

            @Override
            public void replacePassages(StoredDocument stored, List<Passage> passages) throws IOException {
                if (tried.incrementAndGet() > took) {
                    throw new IndexUnreachableException("SolrCloud at zk:2181#evidens did not answer for 60 s: no live Solr node",
                            null);
                }
                real.replacePassages(stored, passages);
            }

            @Override
            public List<StoredDocument.Entry> documents(String caseId) throws IOException {
                return real.documents(caseId);
            }

            @Override
            public java.util.Optional<StoredDocument> stored(String caseId, String docId) throws IOException {
                return real.stored(caseId, docId);
            }

            @Override
            public boolean contains(String caseId, String sha256) throws IOException {
                return real.contains(caseId, sha256);
            }

            @Override
            public void commit() throws IOException {
                real.commit();
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }

    @Test
    void anIndexThatStopsTakingWritesEndsTheRunWithWhatWasWrittenBeforeKept() throws Exception {
        addDocuments(30);
        AtomicInteger tried = new AtomicInteger();
        ReindexReport report = reindexing().sinkWith(sink -> takingNoWritesAfter(sink, 3, tried))
                .retagWith(ReindexingTest::oneMore).run(CaseFixture.CASE, "kari", Reindexing.Progress.NONE);
        assertTrue(report.halted().contains("did not answer"), report.halted());
        assertTrue(report.stopped());
        assertEquals(3, report.rewritten());
        assertTrue(tried.get() < 30, "the documents after it are not begun: " + tried.get() + " writes tried");
        int retagged = 0;
        for (int i = 1; i <= 30; i++) {
            List<String> tags = indicatorsOf("extra-" + i);
            assertTrue(tags.isEmpty() || tags.equals(List.of("ny")), tags.toString());
            retagged += tags.size();
        }
        retagged += indicatorsOf(fx.docId).isEmpty() ? 0 : 1;
        assertEquals(3, retagged, "the three written before it are committed, no other changed");
        assertTrue(report.cases().get(0).failed().stream().allMatch(f -> f.reason().contains("did not answer")));
    }

    @Test
    void aClosedCaseIsRefusedByNameAndLeftAloneWhenEveryCaseIsReindexed() throws Exception {
        assertEquals(0, fx.cli("case", "close", "--case", CaseFixture.CASE).code());
        assertThrows(CaseClosed.class,
                () -> reindexing().retagWith(ReindexingTest::oneMore).run(CaseFixture.CASE, "kari", Reindexing.Progress.NONE));
        ReindexReport all = reindexing().retagWith(ReindexingTest::oneMore).run(null, "kari", Reindexing.Progress.NONE);
        assertEquals(List.of(new ReindexReport.Skipped(CaseFixture.CASE, "closed")), all.skipped());
        assertEquals(List.of(), all.cases());
        assertEquals(List.of(), indicatorsOf(fx.docId));
    }

    @Test
    void eachCaseReindexedIsInTheAuditTrailWithItsCounts() throws Exception {
        reindexing().retagWith(ReindexingTest::oneMore).run(CaseFixture.CASE, "kari", Reindexing.Progress.NONE);
        CliRun audit = fx.cli("audit", "--case", CaseFixture.CASE);
        assertEquals(0, audit.code(), audit.err());
        assertTrue(audit.out().contains("kari case-reindex case " + CaseFixture.CASE
                + " (1 dokumenter merket på nytt; indikatorer 0 → 3, sitater 0 → 0, lovhenvisninger 0 → 0)"), audit.out());
        assertEquals(0, fx.cli("audit", "verify").code());
    }

    @Test
    void aCaseWithoutDocumentsOrAHomeWithoutIndexIsAUsageError() {
        assertThrows(IllegalArgumentException.class, () -> reindexing().run("ingen-sak", "kari", Reindexing.Progress.NONE));
        EvidensHome empty = new EvidensHome(tmp.resolve("empty"));
        assertThrows(IllegalArgumentException.class,
                () -> new Reindexing(empty, Codebook::defaults).run(null, "kari", Reindexing.Progress.NONE));
    }
}
