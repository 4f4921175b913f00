package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.search.SearchScope;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the evidence passages.",
                "Query: words (all required), \"a phrase\", -exclude, OR, prefix*, one letter off~1, \"two words\"~10, and fields "
                        + "type:, sak:, indikator:, lov:, sitat:ja, fil:, overskrift:, kommune:, tjeneste:, år:."})
final class SearchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "0..*", description = "What to search for.")
    String[] query = {};

    @Option(names = "--like", paramLabel = "PASSAGE", description = "Instead of a query: passages like this one (its id).")
    String like;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
            description = "relevance (best first), document (as the passages stand in their documents) or date "
                    + "(the documents' dates, oldest first).")
    String sort;

    @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip first, for paging.")
    int offset;

    @Option(names = "--case", paramLabel = "CASE", description = "Only this case.")
    String caseId;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "Only this document type: styringsdokument, journal, klientdokumentasjon or annet.")
    String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most hits to show (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--all-versions", description = "Also the earlier versions of files a corrected bundle replaced "
            + "(by default search shows the newest version of each file).")
    boolean allVersions;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--user", paramLabel = "NAME", description = "Who searches, for the audit trail (default: $USER).")
    String user;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws Exception {
        SearchRequest.Order order = switch (sort.toLowerCase(java.util.Locale.ROOT)) {
            case "relevance", "relevans" -> SearchRequest.Order.RELEVANCE;
            case "document", "dokument" -> SearchRequest.Order.DOCUMENT;
            case "date", "dato" -> SearchRequest.Order.DATE;
            default -> throw new IllegalArgumentException("--sort is relevance, document or date, not '" + sort + "'");
        };
        if (like == null && query.length == 0) {
            throw new IllegalArgumentException("give a QUERY, or --like PASSAGE");
        }
        String likeCase = like == null || like.indexOf('/') <= 0 ? null : like.substring(0, like.indexOf('/'));
        if (like != null && (offset < 0 || offset > 100_000)) {
            // the bounds a query's search request checks
            throw new IllegalArgumentException("offset must be between 0 and 100000, was " + offset);
        }
        if (likeCase != null && caseId != null && !caseId.equals(likeCase)) {
            throw new IllegalArgumentException("--like " + like + " searches its own case " + likeCase + ", not --case " + caseId);
        }
        // The index keeps types in lower case; a type it cannot hold would only answer "0 hits".
        String documentType = SearchScope.documentType(type);
        String text = String.join(" ", query);
        try (EvidenceIndex searcher = home.openSearcher()) {
            SearchResult result = like != null ? page(searcher.moreLikeThis(like, documentType, offset + limit))
                    : searcher.search(new SearchRequest(text, caseId, documentType, limit, offset, order).withAllVersions(allVersions));
            if (like == null && result.total() == 0) {
                // nothing found: a case no bundle was ingested into, as --case or as sak: in the query, is a slip,
                SearchScope scope = new SearchScope(home.resolve());
                if (caseId != null) {
                    scope.requireIngested(caseId);
                }
                scope.requireIngestedNamedIn(text);
                // and so is a facet value written in the query that no passage of the searched case(s) carries
                SearchScope.requireCarried(searcher, caseId, null, SearchScope.facetValuesNamedIn(text), result.facets());
            }
            // the hits show passages' text: in the trail as the workspace's searches are (query and count, never the hits)
            AuditCommand.service(home).searched(FindingsOptions.user(user), likeCase != null ? likeCase : caseId,
                    result.query(), documentType == null ? null : "type:" + documentType, (int) result.total());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(result));
                out.flush();
            } else {
                new Output(out, System.console() != null).searchResult(result, offset + 1);
            }
            return 0;
        }
    }

    /**
     * The page at {@code --offset} of the like passages: "like this" is asked by count alone (no search request to page it
     * with), so the first offset + limit are asked for and the first offset of them left out, as a ranked search pages.
     */
    private SearchResult page(SearchResult like) {
        List<SearchHit> hits = like.hits().subList(Math.min(offset, like.hits().size()), like.hits().size());
        return new SearchResult(like.query(), like.total(), like.tookMs(), hits, like.facets(), like.relaxed(), like.allWords());
    }
}
