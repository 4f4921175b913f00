package no.evidens.evaluation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import no.evidens.models.eval.GoldFolder;
import no.evidens.corpus.EvalDevRelevance;
import no.evidens.evaluation.relevance.EvalDevCollection;
import no.evidens.evaluation.relevance.EvalDevSearchEval;
import no.evidens.evaluation.relevance.SearchEval;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;

/** The real-text part of {@code evidens eval search}: the eval-dev excerpts as a bundle, scored or pooled. */
record EvalDevRun(Path evalDev, String split, boolean perQuery, Integer pool, String show, Integer missed, int missedGrade, Path keep) {
    void run(PrintWriter out) throws Exception {
        List<EvalDevRelevance.Query> queries = EvalDevRelevance.load(GoldFolder.file(EvalDevRelevance.FILE)).stream()
                .filter(q -> split == null || q.split().equals(split)).toList();
        Path work = keep == null ? Files.createTempDirectory("evidens-eval-search-real") : keep;
        try {
            Path[] indexes = SearchEval.kept(work);
            out.println();
            if (indexes == null) {
                int files = EvalDevCollection.writeBundle(evalDev, work.resolve("bundle"));
                out.println("Real-text set: " + files + " excerpts of " + evalDev + " rendered as Word reports (case "
                        + EvalDevCollection.CASE_ID + "), indexed twice …");
                out.flush();
                indexes = SearchEval.ingestTwice(work, work.resolve("bundle"), EvalDevCollection.CASE_ID);
            } else {
                out.println("Real-text set: the indexes kept in " + work);
            }
            EvalDevCollection collection = EvalDevCollection.read(indexes[0]);
            List<EvalDevSearchEval.Resolved> resolved = EvalDevSearchEval.resolve(queries, collection);
            try (EvidenceSearcher evidens = new EvidenceSearcher(indexes[0]);
                 EvidenceSearcher baseline = new EvidenceSearcher(indexes[1], NorwegianAnalysis.plain())) {
                if (show != null) {
                    for (EvalDevSearchEval.Resolved r : resolved) {
                        if (java.util.Arrays.asList(show.split(",")).contains(r.query().id())) {
                            EvalDevSearchEval.printRanking(r, collection, evidens, baseline, 20, out);
                        }
                    }
                } else if (missed != null) {
                    EvalDevSearchEval.printMissed(resolved, collection, evidens, missed, missedGrade, out);
                } else if (pool != null) {
                    EvalDevSearchEval.printPool(resolved, collection, evidens, baseline, pool, out);
                } else {
                    EvalDevSearchEval.print(EvalDevSearchEval.run(resolved, evidens, baseline), collection.passages().size(),
                            perQuery, out);
                }
            }
        } finally {
            if (keep == null) {
                SearchEvalCommand.delete(work);
            }
        }
    }
}
