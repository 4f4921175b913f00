package no.evidens.pipeline.reindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.corpus.SampleBundle;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.IndexedDocument;
import no.evidens.index.Passage;
import no.evidens.index.StoredDocument;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.fixture.CliRun;
import no.evidens.pipeline.fixture.SampleHome;

/**
 * {@code evidens reindex} on the sample case as an older Evidens left one of its documents: its passages cut otherwise (the
 * first two as one) and an indicator not found (taushetsplikt). A quotation named the passage whose cut moves. After the
 * reindex the document has today's tags and cuts, search finds it by the indicator, and the quotation still verifies, shows
 * and exports as before.
 */
class ReindexIT {
    private static final String CASE = SampleBundle.CASE_ID;
    private static final String INDICATOR = "taushetsplikt";

    private static CliRun cli(EvidensHome home, String... args) {
        return CliRun.inHome(home.root(), args);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.code(), run.err());
        return Json.mapper().readTree(run.out());
    }

    private static List<String> docsFound(EvidensHome home, String query) throws Exception {
        CliRun found = cli(home, "search", query, "--case", CASE, "--limit", "500", "--json");
        List<String> docs = new ArrayList<>();
        if (found.code() == 0) {
            Json.mapper().readTree(found.out()).get("hits").forEach(h -> docs.add(h.get("docId").asText()));
        }
        return docs;
    }

    /** The document as an older Evidens tagged it: passages 1 and 2 one passage, the indicator nowhere. */
    private static StoredDocument makeOld(EvidensHome home, String docId) throws Exception {
        try (EvidenceIndexWriter w = IndexBackend.embeddedWriter(home)) {
            StoredDocument today = w.stored(CASE, docId).orElseThrow();
            List<Passage> p = today.passages();
            IndexedDocument d = today.document();
            List<Passage> old = new ArrayList<>();
            for (int i = 1; i < p.size(); i++) {
                Passage from = i == 1 ? p.get(0) : p.get(i);
                int end = p.get(i).end();
                old.add(new Passage(Passage.idOf(CASE, docId, i), CASE, docId, d.file(), d.type(), d.title(), from.heading(),
                        from.page(), from.start(), end, d.text().substring(from.start(), end), p.get(i).quotes(),
                        p.get(i).indicators().stream().filter(x -> !x.equals(INDICATOR)).toList(), p.get(i).laws(), today.facets()));
            }
            w.replace(d, old);
            w.commit();
            return today;
        }
    }

    @Test
    void anOlderTaggingIsRedoneInPlaceAndEveryQuotationStillHolds() throws Exception {
        EvidensHome home = SampleHome.shared().copy();
        List<String> tagged = docsFound(home, "indikator:" + INDICATOR);
        String docId = tagged.get(0);
        StoredDocument today = makeOld(home, docId);
        assertTrue(!docsFound(home, "indikator:" + INDICATOR).contains(docId), "the older tagging has not the indicator");

        // a quotation of the second passage's words, naming the passage that held them in the older cut (number 1)
        String passage1 = Passage.idOf(CASE, docId, 1);
        String words = today.passages().get(1).text();
        assertEquals(0, cli(home, "finding", "create", "--case", CASE, "--kind", "avvik", "--title", "Taushetsplikt").code());
        CliRun attach = cli(home, "finding", "attach", "--case", CASE, "avvik-1", "--passage", passage1, "--quote", words);
        assertEquals(0, attach.code(), attach.err());
        Path before = home.root().resolve("before.json");
        assertEquals(0, cli(home, "export", "--case", CASE, "--format", "json", "--out", before.toString()).code());

        CliRun run = cli(home, "reindex", "--case", CASE, "--json");
        JsonNode report = json(run);
        assertTrue(run.err().contains("reindexed 12 of 12 documents"), run.err());
        JsonNode c = report.get("cases").get(0);
        assertEquals(CASE, c.get("case").asText());
        assertEquals(1, c.get("rewritten").asInt(), "today's tagging of the untouched documents is what they hold");
        assertEquals(c.get("documents").asInt() - 1, c.get("unchanged").asInt());
        assertTrue(c.get("indicatorChanges").get(INDICATOR).asInt() > 0, c.toString());
        assertEquals(c.get("passages").get("before").asInt() + 1, c.get("passages").get("after").asInt());
        assertTrue(c.get("passages").get("kept").asInt() < c.get("passages").get("after").asInt(), c.toString());

        assertTrue(docsFound(home, "indikator:" + INDICATOR).contains(docId), "search finds it by the new tag");
        try (EvidenceIndexWriter w = IndexBackend.embeddedWriter(home)) {
            StoredDocument now = w.stored(CASE, docId).orElseThrow();
            assertEquals(today.document(), now.document(), "the text, its page map and its id stay");
            assertEquals(today.passages().stream().map(Passage::passageId).toList(),
                    now.passages().stream().map(Passage::passageId).toList());
            assertEquals(today.passages().get(0).end(), now.passages().get(0).end(), "passage 1 is cut as today again");
            assertEquals(today.passages().stream().map(Passage::indicators).toList(),
                    now.passages().stream().map(Passage::indicators).toList(), "tagged as an ingest today tags it");
        }

        CliRun verify = cli(home, "verify", "--case", CASE);
        assertEquals(0, verify.code(), verify.out() + verify.err());
        assertTrue(verify.out().contains("{ok=1}"), verify.out());
        JsonNode shown = json(cli(home, "finding", "show", "--case", CASE, "avvik-1", "--json"));
        assertEquals(passage1, shown.get("evidence").get(0).get("passageId").asText());
        Path after = home.root().resolve("after.json");
        assertEquals(0, cli(home, "export", "--case", CASE, "--format", "json", "--out", after.toString()).code());
        assertEquals(Json.mapper().readTree(before.toFile()).get("findings"), Json.mapper().readTree(after.toFile()).get("findings"));

        JsonNode again = json(cli(home, "reindex", "--case", CASE, "--json")).get("cases").get(0);
        assertEquals(0, again.get("rewritten").asInt(), "a second run finds today's tagging in place and writes nothing");
        assertEquals(again.get("passages").get("after").asInt(), again.get("passages").get("kept").asInt());
        assertTrue(Files.size(after) > 0);
    }
}
