package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.extract.TikaExtractor;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Extract and tag one file (no index): text, pages, sentences, quotations, names; "
                + "for a container (zip, e-mail, mbox, …) the container and each document inside it.")
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
        DocumentAnalyser analyser = new DocumentAnalyser(new TikaExtractor(), book);
        List<Part> parts = new ArrayList<>();
        try {
            Extraction extraction = analyser.extract(file);
            collect(analyser, file.toString(), Sha256.of(file), extraction, parts);
        } catch (ExtractionException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
        if (parts.size() == 1 && parts.get(0).failed() != null) {
            throw new IllegalStateException(file + ": " + parts.get(0).failed());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(parts.size() == 1 ? Json.write(parts.get(0).analysis()) : Json.write(parts));
        } else {
            for (Part p : parts) {
                print(out, p);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * The language as the text output says it: {@code und} is no language but the detector's "cannot tell" (a few lines
     * are often too few for it, Bokmål or not), said so beside the code.
     */
    static String language(String code) {
        return "und".equals(code) ? "und (cannot tell: too little text, or several languages)" : code;
    }

    /**
     * One document of the file: the file itself, or one inside it (cited {@code file!/name}).
     *
     * @param documents for a container without text of its own, how many documents it holds; else 0
     * @param failed    why it gave no text, or null
     */
    record Part(String file, DocumentAnalysis analysis, int documents, String failed) {
    }

    /** The file, then each document inside it, depth first. */
    private static void collect(DocumentAnalyser analyser, String name, String sha256, Extraction extraction,
                                List<Part> parts) {
        if (extraction.text().isBlank() && !extraction.embedded().isEmpty()) {
            parts.add(new Part(name, null, extraction.embedded().size(), null));
        } else {
            try {
                parts.add(new Part(name, analyser.tag(name, sha256, extraction.mediaType(), analyser.normalise(extraction)), 0, null));
            } catch (ExtractionException e) {
                parts.add(new Part(name, null, 0, e.getMessage()));
            }
        }
        for (Extraction.Embedded e : extraction.embedded()) {
            String child = name + "!/" + e.name();
            if (e.extraction() == null) {
                parts.add(new Part(child, null, 0, e.problem() + (e.detail() == null ? "" : " (" + e.detail() + ")")));
            } else {
                collect(analyser, child, e.sha256(), e.extraction(), parts);
            }
        }
    }

    private static void print(PrintWriter out, Part p) {
        if (p.failed() != null) {
            out.printf("%s%n  failed      %s%n", p.file(), p.failed());
        } else if (p.analysis() == null) {
            out.printf("%s%n  container   %d document%s inside, each below%n", p.file(), p.documents(),
                    p.documents() == 1 ? "" : "s");
        } else {
            DocumentAnalysis a = p.analysis();
            out.printf("%s%n  media type  %s%n  language    %s%n  pages       %d%n  characters  %d%n"
                            + "  sentences   %d%n  quotations  %d%n  names       %d%n  sha256      %s%n",
                    a.file(), a.mediaType(), language(a.language()), a.pages(), a.text().length(), a.sentences().size(),
                    a.quotes().size(), a.entities().size(), a.sha256());
        }
    }
}
