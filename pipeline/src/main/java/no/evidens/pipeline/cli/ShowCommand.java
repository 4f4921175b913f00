package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.search.MarkedDocument;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a passage with its neighbours in its document, for context.")
final class ShowCommand extends ReadAction {
    @Parameters(paramLabel = "PASSAGE", description = "The passage id (as search shows it: case/document/number).")
    String passageId;

    @Option(names = "--context", paramLabel = "N", defaultValue = "1",
            description = "Passages before and after it (default: ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--json", description = "Print the passages as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (context < 0 || context > 50) {
            throw new IllegalArgumentException("--context must be between 0 and 50");
        }
        try (EvidenceIndex searcher = home.openSearcher()) {
            List<SearchHit> passages = searcher.context(passageId, context, context);
            SearchHit shown = passages.stream().filter(p -> p.passageId().equals(passageId)).findFirst().orElse(passages.get(0));
            AuditCommand.service(home).passageShown(FindingsOptions.user(user), shown.caseId(), passageId, shown.type(),
                    "evidens show, " + context + " avsnitt rundt");
            PrintWriter out = out();
            if (json) {
                out.println(Json.write(passages));
            } else {
                SearchHit first = passages.get(0);
                out.printf("%s (%s, case %s)%n", first.file(), first.type(), first.caseId());
                MarkedDocument.Newer newer = MarkedDocument.newerVersion(searcher, first.caseId(), first.docId());
                if (newer != null) {
                    out.println(Output.newerVersion(first.caseId(), newer));
                }
                out.println();
                for (SearchHit p : passages) {
                    boolean self = p.passageId().equals(passageId);
                    out.printf("%s %s, page %d, characters %d–%d%n", self ? "▶" : " ", p.passageId(), p.page(), p.start(), p.end());
                    out.println("   " + p.text());
                }
            }
            out.flush();
            return 0;
        }
    }
}
