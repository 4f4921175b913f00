package no.evidens.evaluation.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import no.evidens.evaluation.extraction.ExtractionEval;
import no.evidens.pipeline.extract.TikaExtractor;

@Command(name = "eval", mixinStandardHelpOptions = true, subcommands = {EvalCommand.Extraction.class, EvalCommand.Ocr.class, SearchEvalCommand.class, PeersEvalCommand.class},
        description = "Evaluate Evidens on gold data.")
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "extraction", mixinStandardHelpOptions = true,
            description = {"Extraction + normalisation against the source texts of the generated format bundle.",
                    "Word error rate per format, quotations exact and on the right page."})
    static final class Extraction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--texts", paramLabel = "DIR",
                description = "Also render each .txt of DIR (e.g. ../shared/eval-dev) into justified PDFs and into Word files"
                        + " with a header and footer, and evaluate those.")
        Path texts;

        @Option(names = "--differences", description = "List the words that came out wrong, per document.")
        boolean differences;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ExtractionEval eval = new ExtractionEval(new TikaExtractor()).showDifferences(differences);
            Path dir = Files.createTempDirectory("evidens-formats");
            try {
                ExtractionEval.print("Format bundle (corpus/, generated)", eval.formatBundle(dir), out);
            } finally {
                org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
            }
            if (texts != null) {
                if (!Files.isDirectory(texts)) {
                    throw new IllegalArgumentException("no such folder: " + texts);
                }
                ExtractionEval.print("Texts of " + texts + " as justified PDFs", eval.textsAsPdf(texts), out);
                ExtractionEval.print("Texts of " + texts + " as Word files with a header and footer", eval.textsAsDocx(texts), out);
            }
            return 0;
        }
    }

    @Command(name = "ocr", mixinStandardHelpOptions = true,
            description = {"OCR beside plain Tesseract: the word error rate of each on the same scanned pages.",
                    "Scans (200 dpi grey, up to ±0.8° skew, slight blur and speckle) of the texts of DIR, read by plain "
                            + "`tesseract IMG - -l nor` and by Evidens."})
    static final class Ocr implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--texts", paramLabel = "DIR", required = true, description = "Folder of .txt files (e.g. ../shared/eval-dev).")
        Path texts;

        @Option(names = "--pages", paramLabel = "N", defaultValue = "8", description = "How many texts to scan, a page each (default ${DEFAULT-VALUE}).")
        int pages;

        @Override
        public Integer call() throws Exception {
            if (!TikaExtractor.tesseractInstalled()) {
                throw new IllegalStateException("Tesseract is not installed: nothing to compare");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Scanned pages of " + texts);
            no.evidens.evaluation.extraction.OcrEval.print(
                    new no.evidens.evaluation.extraction.OcrEval(new TikaExtractor()).run(texts, pages), out);
            return 0;
        }
    }
}
