package no.evidens.evaluation.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.index.Passage;

class SearchBenchTest {
    @TempDir
    Path tmp;

    @Test
    void generatedDocumentsAreDeterministicAndTheirPassagesCiteTheirText() {
        PassageGenerator g = new PassageGenerator(CorpusVocabulary.ofSampleBundle(), 1);
        PassageGenerator.Generated a = g.document(17);
        assertEquals(a, g.document(17), "document n is the same every time");
        String text = a.document().text();
        for (Passage p : a.passages()) {
            assertEquals(text.substring(p.start(), p.end()), p.text());
            assertTrue(p.page() >= 1 && p.page() <= a.document().pages());
            assertTrue(p.text().split(" ").length >= 2, p.text());
        }
        assertTrue(a.passages().size() >= 4);
    }

    @Test
    void vocabularyCountsWordsAndSentences() {
        CorpusVocabulary v = CorpusVocabulary.of(List.of("NAV og barnevern samarbeider. Barnevern og NAV møtes.\n\nSamarbeid."));
        assertEquals(List.of("NAV", "og", "barnevern", "samarbeider", "møtes", "samarbeid"), v.wordsByFrequency(),
                "most frequent first; a sentence's first word in lower case unless an acronym");
        assertTrue(v.phrases(4).contains("barnevern samarbeider"), v.phrases(4).toString());
    }

    @Test
    void percentilesAreNearestRank() {
        double[] ms = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, SearchBench.percentile(ms, 50));
        assertEquals(10, SearchBench.percentile(ms, 95));
        assertEquals(1, SearchBench.percentile(ms, 1));
    }

    @Test
    void aTinyRunPrintsEveryFigure() throws Exception {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        SearchBench.Report r = new SearchBench(3_000, 5, 1, 2, 3).run(tmp.resolve("index"), w);
        SearchBench.print(r, w);
        String s = out.toString();
        assertTrue(r.passages() >= 3_000 && r.passages() < 3_000 + 2 * 80, "passages: " + r.passages());
        assertTrue(r.indexBytes() > 0);
        assertEquals(5 + SearchAblation.STEPS.size(), r.latencies().size(), "the kinds of query, the baseline and the ablation steps");
        assertTrue(!r.warmUp().passes().isEmpty() && r.warmUp().passes().size() <= 3, "warm-up passes within the cap: " + r.warmUp());
        for (SearchBench.Latencies l : r.latencies()) {
            assertTrue(l.p50() <= l.p95() && l.p95() <= l.p99(), l.toString());
            // (filtered queries may find nothing in so small an index: a case × type holds few passages)
            assertTrue(l.name().startsWith("filtered") || l.totalHitsMedian() > 0, "queries that find nothing measure nothing: " + l);
        }
        for (String line : List.of("passages/s", "Index size on disk", "term", "phrase", "filtered", "faceted + highlighted",
                "bare Lucene TermQuery", "÷ bare TermQuery", "Warm-up before measuring", "passes of the whole query mix", "Where the time", "compound parts", "heading", "facet counting", "tie order",
                "reading the query", "evidence bonus", "per-document cap", "stored fields", "highlighting", "before:", "load average", "Heap")) {
            assertTrue(s.contains(line), line + " in\n" + s);
        }
    }
}
