package no.evidens.evaluation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.evaluation.peers.PeerEval;

/** {@code evidens eval peers}: a folder ingested beside Tika alone in the same run. */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = {"Ingest a folder (default ../shared/peer-corpus) and read each file with Tika alone in the same run.",
                "Per file Tika's words, Evidens's words over the file and all inside it, status and reason; "
                        + "totals of text lost, archive entries missing from the receipt and reasons with raw library text."})
final class PeersEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "../shared/peer-corpus",
            description = "The folder to ingest (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such folder: " + dir);
        }
        Path home = Files.createTempDirectory("evidens-peers");
        PrintWriter out = spec.commandLine().getOut();
        try {
            PeerEval.Result r = new PeerEval().run(dir, home);
            PeerEval.print(r, out);
            return r.lostFiles() + r.missingEntries() + r.rawReasons() == 0 ? 0 : 1;
        } finally {
            PeerEval.deleteTree(home);
        }
    }
}
