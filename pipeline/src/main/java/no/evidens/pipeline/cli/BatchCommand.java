package no.evidens.pipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.index.EvidenceIndex;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.search.BatchSearch;
import no.evidens.pipeline.search.SearchScope;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Run a file of queries against a case: every indicator at once.",
                "FILE holds one query a line, or a CSV with columns label,query. Writes the hits (CSV) and a "
                        + "label × document matrix of hit counts (CSV). A query that cannot run (unreadable, or naming a value "
                        + "no passage of the case has) is reported by its line in both files' error column and on stderr, the "
                        + "others run, and the exit code is 2."})
final class BatchCommand implements Callable<Integer> {
    /** The matrix's name when --matrix is not given. */
    static final String MATRIX = "batch-matrix.csv";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The queries.")
    Path file;

    @Option(names = "--case", required = true, paramLabel = "CASE", description = "The case to search.")
    String caseId;

    @Option(names = "--out", paramLabel = "CSV", defaultValue = "batch-hits.csv", description = "Hits (default: ${DEFAULT-VALUE}).")
    Path hits;

    @Option(names = "--matrix", paramLabel = "CSV",
            description = "Label × document matrix (default: " + MATRIX + " in the folder of the hits file).")
    Path matrix;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "Hits per query (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (matrix == null) {
            matrix = hits.resolveSibling(MATRIX);
        }
        if (matrix.toAbsolutePath().normalize().equals(hits.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the hits and the matrix would be the same file, " + hits
                    + ": give --matrix another name");
        }
        List<BatchSearch.LabelledQuery> queries = BatchSearch.read(file);
        // a case no bundle was ingested into would give every line 0 hits: refused, as search --case refuses it
        SearchScope scope = new SearchScope(home.resolve());
        scope.requireIngested(caseId);
        List<BatchSearch.Outcome> outcomes;
        try (EvidenceIndex searcher = home.openSearcher()) {
            outcomes = BatchSearch.run(searcher, queries, caseId, limit, scope, BatchSearch::inEnglish);
        }
        writeCsv(hits, w -> BatchSearch.writeHits(outcomes, w));
        writeCsv(matrix, w -> BatchSearch.writeMatrix(outcomes, w));
        PrintWriter out = spec.commandLine().getOut();
        for (BatchSearch.Outcome o : outcomes) {
            out.printf("  %-40s %s%n", o.query().label(), o.error() != null ? "error: " + o.error()
                    : o.result().total() + " passage" + (o.result().total() == 1 ? "" : "s"));
        }
        out.printf("%d queries; hits in %s, matrix in %s%n", outcomes.size(), hits, matrix);
        out.flush();
        // every line that could not run, on stderr too, and a non-zero exit: a script sees it without reading the files
        List<BatchSearch.Outcome> failed = outcomes.stream().filter(o -> o.error() != null).toList();
        if (failed.isEmpty()) {
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        failed.forEach(o -> err.println("evidens: " + o.error()));
        err.printf("evidens: %d of %d queries could not run (%s %s): see the error column of %s and %s%n", failed.size(),
                outcomes.size(), failed.size() == 1 ? "line" : "lines",
                failed.stream().map(o -> String.valueOf(o.query().line())).collect(Collectors.joining(", ")), hits, matrix);
        err.flush();
        return 2;
    }

    /** Something that writes CSV text. */
    @FunctionalInterface
    private interface CsvText {
        void write(Writer w) throws IOException;
    }

    /** Writes a file as export writes one: a folder not there yet is made, and a failed write leaves no half file. */
    private static void writeCsv(Path file, CsvText text) {
        CaseExports.atomically(file, f -> {
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                text.write(w);
            }
        });
    }
}
