package no.evidens.evaluation.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.corpus.RelevanceJudgements;
import no.evidens.index.EvidenceIndexWriter;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.IndexedDocument;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.index.Passage;

/** The evaluation's plumbing on a tiny handmade index and judgement set. */
class SearchEvalIT {
    private static final String CASE = "test-2026";

    @TempDir
    Path tmp;

    private static IndexedDocument doc(String id, String file, String text) {
        return new IndexedDocument(id, CASE, file, "styringsdokument", "Tittel", id.repeat(4), "text/plain", text, List.of(0));
    }

    private static Passage passage(IndexedDocument d, int n, int start, int end) {
        return new Passage(Passage.idOf(CASE, d.docId(), n), CASE, d.docId(), d.file(), d.type(), d.title(), "Overskrift",
                1, start, end, d.text().substring(start, end), List.of(), List.of("samtykke"), List.of("barnevernloven"));
    }

    private Path index() throws Exception {
        String a = "Foreldrene har gitt informert samtykke. Samtykket er skriftlig.\n\nNAV deltar i ansvarsgruppen.";
        String b = "Taushetsplikten gjelder fullt ut. Ingen samtykke er innhentet.";
        IndexedDocument da = doc("aaaa", "styringsdokumenter/a.txt", a);
        IndexedDocument db = doc("bbbb", "kopi/b.txt", b);
        Path dir = tmp.resolve("evidens");
        try (EvidenceIndexWriter w = new EvidenceIndexWriter(dir)) {
            w.add(da, List.of(passage(da, 0, 0, a.indexOf("\n\n")), passage(da, 1, a.indexOf("NAV"), a.length())));
            w.add(db, List.of(passage(db, 0, 0, b.length())));
            w.commit();
        }
        return dir;
    }

    @Test
    void judgementsResolveByExcerptAndCopiesAndTheBaselineHoldsTheSamePassages() throws Exception {
        Path evidens = index();
        Path baseline = tmp.resolve("baseline");
        SearchEval.copyWithPlainAnalyzer(evidens, baseline);
        List<SearchEval.IndexedPassage> passages = SearchEval.passages(evidens);
        assertEquals(3, passages.size());
        assertEquals(passages.stream().map(SearchEval.IndexedPassage::text).sorted().toList(),
                SearchEval.passages(baseline).stream().map(SearchEval.IndexedPassage::text).sorted().toList());

        List<RelevanceJudgements.Query> queries = RelevanceJudgements.parse("t", """
                query q1 | nb | dev | samtykke
                need: consent
                3 | styringsdokumenter/a.txt | informert samtykke
                2 | styringsdokumenter/a.txt | Samtykket er skriftlig
                1 | styringsdokumenter/b.txt | Ingen samtykke er innhentet
                2 | styringsdokumenter/a.txt | text that no passage holds
                query q2 | nn | test | teieplikt
                need: confidentiality
                3 | styringsdokumenter/b.txt | Taushetsplikten gjelder
                """);
        // b.txt was indexed under its copy's path, as ingestion may do with identical files.
        Function<String, String> aliases = f -> f.equals("kopi/b.txt") ? "styringsdokumenter/b.txt" : f;
        List<SearchEval.Resolved> resolved = SearchEval.resolve(queries, passages, aliases);
        String pa = Passage.idOf(CASE, "aaaa", 0);
        String pb = Passage.idOf(CASE, "bbbb", 0);
        assertEquals(Map.of(pa, 3, pb, 1), resolved.get(0).grades(), "two sentences of one passage: the higher grade");
        assertEquals(1, resolved.get(0).unresolved().size());
        assertEquals(Map.of(pb, 3), resolved.get(1).grades());

        List<SearchEval.QueryResult> results;
        try (EvidenceSearcher e = new EvidenceSearcher(evidens, NorwegianAnalysis.analyzer());
             EvidenceSearcher b = new EvidenceSearcher(baseline, NorwegianAnalysis.plain())) {
            results = SearchEval.run(resolved, e, b, CASE);
        }
        SearchEval.Score samtykke = results.get(0).baseline();
        assertEquals(1.0, samtykke.recall(), 1e-9, "both passages that say samtykke are found");
        assertTrue(samtykke.ndcg() > 0.9, "the grade-3 passage ranks first: " + samtykke);
        SearchEval.Score teieplikt = results.get(1).baseline();
        assertEquals(0.0, teieplikt.ndcg(), "the plain analyzer knows no Nynorsk synonym");
        assertEquals(0, teieplikt.total());

        SearchEval.Summary nb = SearchEval.summarise(results).stream().filter(s -> s.name().contains("nb")).findFirst().orElseThrow();
        assertEquals(1, nb.queries());
        assertEquals(samtykke.ndcg(), nb.ndcgBaseline(), 1e-12);

        StringWriter out = new StringWriter();
        SearchEval.print(results, passages.size(), true, new PrintWriter(out));
        String table = out.toString();
        assertTrue(table.lines().anyMatch(l -> l.strip().startsWith("all") && l.contains(" 2 ")), table);
        assertTrue(table.contains("warning: q1: no indexed passage of styringsdokumenter/a.txt contains"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("q2") && l.contains("teieplikt")), table);
    }

    @Test
    void aRejectedQueryScoresZeroWithItsMessage() throws Exception {
        Path evidens = index();
        List<SearchEval.Resolved> resolved = SearchEval.resolve(RelevanceJudgements.parse("t", """
                query q1 | nb | dev | "samtykke
                need: a phrase never closed
                3 | styringsdokumenter/a.txt | informert samtykke
                """), SearchEval.passages(evidens), Function.identity());
        try (EvidenceSearcher e = new EvidenceSearcher(evidens)) {
            SearchEval.Score s = SearchEval.score(e, resolved.get(0), CASE);
            assertEquals(0.0, s.ndcg());
            assertNotNull(s.error());
        }
    }
}
