package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.models.codebook.Codebook;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.analyse.DocumentAnalysis;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.TikaExtractor;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Extract and tag one file (no index): text, pages, sentences, quotations, names.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The file to analyse (PDF, DOCX, HTML, TXT, …).")
    Path file;

    @Option(names = "--json", description = "Print the analysis as JSON (text, offsets, pages, tags).")
    boolean json;

    @picocli.CommandLine.Mixin
    TagsCommand.CodebookOption codebook;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        Codebook book = codebook.resolve(no.evidens.pipeline.EvidensHome.resolve(null));
        DocumentAnalysis a;
        try {
            a = new DocumentAnalyser(new TikaExtractor(), book).analyse(file, file.toString());
        } catch (ExtractionException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(a));
        } else {
            out.printf("%s%n  media type  %s%n  language    %s%n  pages       %d%n  characters  %d%n"
                            + "  sentences   %d%n  quotations  %d%n  names       %d%n  sha256      %s%n",
                    a.file(), a.mediaType(), a.language(), a.pages(), a.text().length(), a.sentences().size(),
                    a.quotes().size(), a.entities().size(), a.sha256());
        }
        out.flush();
        return 0;
    }
}
