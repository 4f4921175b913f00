package no.evidens.evaluation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.corpus.RelevanceJudgements;
import no.evidens.corpus.SampleBundle;
import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.evaluation.relevance.SearchEval;

/** {@code evidens eval search}: a subcommand of {@link EvalCommand}. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search relevance on the judged queries of corpus/ (relevance/judgements.txt): the sample bundle",
                "is ingested into a temporary home and searched with the Evidens analysis and with Lucene's plain",
                "NorwegianAnalyzer (the baseline); prints nDCG@10 and recall@20 per split and per language."})
final class SearchEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--per-query", description = "Also print the scores and hit counts of every query.")
    boolean perQuery;

    @Option(names = "--split", paramLabel = "dev|test", description = "Only the queries of this split (default: all).")
    String split;

    @Override
    public Integer call() throws Exception {
        if (split != null && !RelevanceJudgements.SPLITS.contains(split)) {
            throw new IllegalArgumentException("--split must be dev or test, was " + split);
        }
        PrintWriter out = spec.commandLine().getOut();
        List<RelevanceJudgements.Query> queries = RelevanceJudgements.load().stream()
                .filter(q -> split == null || q.split().equals(split)).toList();
        Path work = Files.createTempDirectory("evidens-eval-search");
        try {
            out.println("Ingesting the sample bundle (case " + SampleBundle.CASE_ID + ") and indexing its passages twice …");
            out.flush();
            Path[] indexes = SearchEval.prepare(work);
            List<SearchEval.IndexedPassage> passages = SearchEval.passages(indexes[0]);
            List<SearchEval.Resolved> resolved = SearchEval.resolve(queries, passages, SearchEval.sampleBundleAliases());
            List<SearchEval.QueryResult> results;
            try (EvidenceSearcher evidens = new EvidenceSearcher(indexes[0]);
                 EvidenceSearcher baseline = new EvidenceSearcher(indexes[1], NorwegianAnalysis.plain())) {
                results = SearchEval.run(resolved, evidens, baseline, SampleBundle.CASE_ID);
            }
            SearchEval.print(results, passages.size(), perQuery, out);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return 0;
    }
}
