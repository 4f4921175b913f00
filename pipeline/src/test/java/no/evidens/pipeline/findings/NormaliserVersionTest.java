package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.cli.EvidensCli;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.ProgressListener;
import no.evidens.pipeline.normalise.TextNormaliser;

/** Each indexed document and each quotation records the normaliser version; verify tells when they differ. */
class NormaliserVersionTest {
    @TempDir
    Path tmp;

    private static int run(StringWriter out, String... args) {
        CommandLine cli = EvidensCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        return cli.execute(args);
    }

    @Test
    void documentsAndQuotationsRecordTheVersionAndVerifyReportsAQuotationMadeUnderAnother() throws Exception {
        Path bundle = tmp.resolve("bundle/styringsdokumenter");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("rutine.txt"), "Koordinatoren kaller inn til ansvarsgruppemøte hver måned.");
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        new Ingestion(home, new DocumentAnalyser(), 1).ingest("sak", tmp.resolve("bundle"), ProgressListener.NONE);
        SearchHit hit;
        try (EvidenceSearcher s = new EvidenceSearcher(home.index())) {
            hit = s.search(new SearchRequest("ansvarsgruppemøte", "sak", null, 1)).hits().get(0);
            assertEquals(TextNormaliser.VERSION, s.document("sak", hit.docId()).orElseThrow().normaliserVersion());
        }
        String h = home.root().toString();
        assertEquals(0, run(new StringWriter(), "finding", "create", "--home", h, "--case", "sak", "--kind", "avvik",
                "--title", "Ansvarsgruppen følges opp", "--requirement", "barnevernloven § 15-8"));
        assertEquals(0, run(new StringWriter(), "finding", "attach", "--home", h, "--case", "sak", "avvik-1",
                "--passage", hit.passageId()));
        try (FindingStore store = FindingStore.open(home.root().resolve("findings"))) {
            Finding f = store.finding("sak", "avvik-1");
            EvidenceDraft made = store.evidence(f.id()).get(0).evidence();
            assertEquals(TextNormaliser.VERSION, made.normaliserVersion());
            StringWriter same = new StringWriter();
            assertEquals(0, run(same, "verify", "--home", h, "--case", "sak"), same.toString());
            assertFalse(same.toString().contains("normaliser"), same.toString());
            // The same quotation as a user of an older Evidens would have made it.
            EvidenceItem older = store.attach(f, new EvidenceDraft(made.passageId(), made.lastPassageId(), made.docId(),
                    made.start(), made.end(), made.quote(), made.title(), made.file(), made.type(), made.page(), made.endPage(),
                    made.sha256(), made.sourceBundle(), made.stance(), made.note(), made.provenance(), "1"), "kari");
            assertEquals("1", store.item(older.id()).evidence().normaliserVersion());
        }
        StringWriter other = new StringWriter();
        assertEquals(0, run(other, "verify", "--home", h, "--case", "sak"), other.toString());
        assertTrue(other.toString().contains("quoted under normaliser version 1; the indexed text is of version "
                + TextNormaliser.VERSION), other.toString());
        StringWriter json = new StringWriter();
        run(json, "verify", "--home", h, "--case", "sak", "--json");
        assertTrue(json.toString().contains("\"normaliserNote\""), json.toString());
    }

    @Test
    void aDocumentIndexedBeforeVersionsWereRecordedHasNone() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        try (EvidenceSearcher s = new EvidenceSearcher(fx.home.resolve("index"))) {
            assertNull(s.document(CaseFixture.CASE, fx.docId).orElseThrow().normaliserVersion());
        }
        assertNull(Verifier.normaliserNote(null, null), "both unrecorded: nothing to tell");
        assertEquals(List.of("quoted before normaliser versions were recorded; the indexed text is of version 2"),
                List.of(Verifier.normaliserNote(null, "2")));
    }
}
