package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.corpus.SampleBundle;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchRequest;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.ingest.Ingestion;
import no.evidens.pipeline.ingest.Receipt;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Ingest the fictional sample bundle of Evidens, run example searches, then start the web workspace.",
                "The searches print cited hits; the workspace starts when run at a terminal, or with --serve "
                        + "(--no-serve never starts it)."})
final class DemoCommand implements Callable<Integer> {
    /** Example searches an auditor might make in the sample case. */
    static final List<String> EXAMPLES = List.of(
            "ansvarsgruppe",
            "taushetsplikt samtykke",
            "\"individuell plan\"",
            "ettervern NAV");

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOption home;

    @Option(names = "--serve", negatable = true,
            description = "Start the web workspace afterwards (default: only when run at a terminal, so scripts and CI end).")
    Boolean serve;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "The workspace's port (default: 8080).")
    int port;

    @Override
    public Integer call() throws Exception {
        EvidensHome h = home.resolve();
        PrintWriter out = spec.commandLine().getOut();
        for (String missing : MissingTools.find()) {
            spec.commandLine().getErr().println("evidens: " + missing + " Going on without it.");
        }
        spec.commandLine().getErr().flush();
        Path bundle = h.root().resolve("sample-bundle");
        SampleBundle.writeTo(bundle);
        out.println("Sample bundle written to " + bundle);
        out.flush();
        Receipt receipt = new Ingestion(h).ingest(SampleBundle.CASE_ID, "Fjordvik", bundle,
                new ConsoleProgress(System.err, System.console() != null));
        Output output = new Output(out, System.console() != null);
        output.receipt(receipt);
        try (EvidenceIndex searcher = home.openSearcher()) {
            for (String q : EXAMPLES) {
                out.println();
                out.println("$ evidens search --case " + SampleBundle.CASE_ID + " --limit 3 '" + q + "'");
                output.searchResult(searcher.search(new SearchRequest(q, SampleBundle.CASE_ID, null, 3)));
            }
        }
        out.println();
        out.println("Index and receipts are in " + h.root());
        out.flush();
        if (serve != null ? serve : System.console() != null) {
            out.println();
            ServeCommand.serve(out, h, port, FindingsOptions.user(null), no.evidens.pipeline.web.WebServer.DEFAULT_MAX_UPLOAD);
        }
        return 0;
    }
}
