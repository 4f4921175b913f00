package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.Json;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the evidence passages.",
                "Query: words (all required), \"a phrase\", -exclude, OR, prefix*, \"two words\"~10, type:journal."})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to search for.")
    String[] query;

    @Option(names = "--case", paramLabel = "CASE", description = "Only this case.")
    String caseId;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only this document type: styringsdokument, journal, klientdokumentasjon or annet.")
    String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most hits to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        SearchRequest request = new SearchRequest(String.join(" ", query), caseId, type, limit);
        try (EvidenceSearcher searcher = home.openSearcher()) {
            SearchResult result = searcher.search(request);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(result));
                out.flush();
            } else {
                new Output(out, System.console() != null).searchResult(result);
            }
            return 0;
        }
    }
}
