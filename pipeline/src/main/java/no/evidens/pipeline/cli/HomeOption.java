package no.evidens.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

import no.evidens.index.EvidenceSearcher;
import no.evidens.index.NorwegianAnalysis;
import no.evidens.pipeline.EvidensHome;

/** The {@code --home} option shared by the commands that use local data. */
final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR",
            description = "Home folder for the index and receipts (default: $EVIDENS_HOME, else ./evidens-data).")
    Path home;

    EvidensHome resolve() {
        return EvidensHome.resolve(home);
    }

    /** A searcher over the home's index, with the home's synonyms.txt when it has one. */
    EvidenceSearcher openSearcher() {
        EvidensHome h = resolve();
        Path synonyms = h.root().resolve(EvidensHome.SYNONYMS);
        return new EvidenceSearcher(h.index(), NorwegianAnalysis.queryAnalyzer(Files.isRegularFile(synonyms) ? synonyms : null));
    }
}
