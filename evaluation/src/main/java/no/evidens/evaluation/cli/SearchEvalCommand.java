package no.evidens.evaluation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.corpus.EvalDevRelevance;
import no.evidens.models.eval.GoldFolder;
import no.evidens.corpus.RelevanceJudgements;
import no.evidens.corpus.SampleBundle;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.evaluation.relevance.SearchEval;

/** {@code evidens eval search}: a subcommand of {@link EvalCommand}. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search relevance on two judged query sets, beside Lucene's plain NorwegianAnalyzer.",
                "The sets: the sample bundle (relevance/judgements.txt) "
                        + "and the real report excerpts of ../shared/eval-dev rendered as Word reports (judgements in the gold folder: "
                        + "the checkout's gold/, or EVIDENS_GOLD), each "
                        + "ingested into a temporary home and searched with the Evidens analysis and with Lucene's plain "
                        + "NorwegianAnalyzer (the baseline); prints nDCG@10 and recall@20 per split, language and query kind."})
final class SearchEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--per-query", description = "Also print the scores and hit counts of every query.")
    boolean perQuery;

    @Option(names = "--split", paramLabel = "dev|test", description = "Only the queries of this split (default: all).")
    String split;

    @Option(names = "--eval-dev", paramLabel = "DIR", defaultValue = "../shared/eval-dev",
            description = "The real report excerpts (default ${DEFAULT-VALUE}); the real-text set is left out, with a note, when the folder is missing.")
    Path evalDev;

    @Option(names = "--set", paramLabel = "sample|real", description = "Only this query set (default: both).")
    String set;

    @Option(names = "--pool", paramLabel = "K", description = "Instead of scores, print the judge's pool of the real-text set: "
            + "passages in either system's top K not judged yet, shuffled, without which system found them.")
    Integer pool;

    @Option(names = "--keep", paramLabel = "DIR", description = "Keep both sets' ingested indexes in DIR and reuse them when "
            + "DIR already holds them (for tuning the query side: delete DIR after a change of the analysis or the passages).")
    Path keep;

    @Option(names = "--show", paramLabel = "ID", description = "Instead of scores, show both systems' top 20 for one query of the "
            + "real-text set, with the grade of each hit (? when not judged).")
    String show;

    @Option(names = "--missed", paramLabel = "K", description = "Instead of scores, list the real-text set's passages graded 2 or 3 "
            + "that Evidens ranks below its top K, with their rank, heading and text (to see why they are missed).")
    Integer missed;

    @Option(names = "--missed-grade", paramLabel = "G", defaultValue = "2", description = "With --missed, the lowest grade "
            + "listed: 1 also lists the marginally relevant passages, which recall@20 counts too (default 2).")
    int missedGrade;

    @Override
    public Integer call() throws Exception {
        if (split != null && !RelevanceJudgements.SPLITS.contains(split)) {
            throw new IllegalArgumentException("--split must be dev or test, was " + split);
        }
        if (missedGrade < 1 || missedGrade > 3) {
            throw new IllegalArgumentException("--missed-grade must be 1, 2 or 3, was " + missedGrade);
        }
        if (set != null && !set.equals("sample") && !set.equals("real")) {
            throw new IllegalArgumentException("--set must be sample or real, was " + set);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (pool == null && show == null && missed == null && (set == null || set.equals("sample"))) {
            sample(out);
        }
        if (set == null || set.equals("real") || pool != null || show != null || missed != null) {
            if (!Files.isDirectory(evalDev)) {
                out.println("Real-text set left out: no eval-dev folder at " + evalDev.toAbsolutePath().normalize()
                        + " (give it with --eval-dev DIR)");
            } else if (!Files.isRegularFile(GoldFolder.dir().resolve(EvalDevRelevance.FILE))) {
                out.println("Real-text set left out: no " + EvalDevRelevance.FILE + " in the gold folder "
                        + GoldFolder.dir().toAbsolutePath().normalize() + " (the repository's gold/ folder holds it;"
                        + " EVIDENS_GOLD names another)");
            } else {
                new EvalDevRun(evalDev, split, perQuery, pool, show, missed, missedGrade, keep == null ? null : keep.resolve("real")).run(out);
            }
        }
        return 0;
    }

    private void sample(PrintWriter out) throws Exception {
        List<RelevanceJudgements.Query> queries = RelevanceJudgements.load().stream()
                .filter(q -> split == null || q.split().equals(split)).toList();
        Path work = keep == null ? Files.createTempDirectory("evidens-eval-search") : keep.resolve("sample");
        try {
            Path[] indexes = SearchEval.kept(work);
            if (indexes == null) {
                out.println("Sample set: ingesting the sample bundle (case " + SampleBundle.CASE_ID + ") and indexing its passages twice …");
                out.flush();
                indexes = SearchEval.prepare(work);
            } else {
                out.println("Sample set: the indexes kept in " + work);
            }
            List<SearchEval.IndexedPassage> passages = SearchEval.passages(indexes[0]);
            List<SearchEval.Resolved> resolved = SearchEval.resolve(queries, passages, SearchEval.sampleBundleAliases());
            List<SearchEval.QueryResult> results;
            try (EvidenceSearcher evidens = new EvidenceSearcher(indexes[0]);
                 EvidenceSearcher baseline = new EvidenceSearcher(indexes[1], NorwegianAnalysis.plain())) {
                results = SearchEval.run(resolved, evidens, baseline, SampleBundle.CASE_ID);
            }
            SearchEval.print(results, passages.size(), perQuery, out);
        } finally {
            if (keep == null) {
                delete(work);
            }
        }
    }

    static void delete(Path work) throws java.io.IOException {
        org.apache.commons.io.file.PathUtils.deleteDirectory(work);
    }
}
