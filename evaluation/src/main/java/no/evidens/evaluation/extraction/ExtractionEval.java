package no.evidens.evaluation.extraction;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import no.evidens.corpus.FormatBundle;
import no.evidens.corpus.FormatDocument;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;

/**
 * How faithful extraction + normalisation is: per format, the word error rate of the normalised text
 * against the source text, whether each quotation comes out exactly, and whether it stands on the
 * right page.
 */
public final class ExtractionEval {
    /** The outcome for one document. */
    public record DocResult(String path, String format, WordErrorRate wer, int quotes, int quotesExact,
                            int quotesOnRightPage, String problem, List<String> differences) {
        public DocResult {
            differences = differences == null ? List.of() : List.copyOf(differences);
        }

        public DocResult(String path, String format, WordErrorRate wer, int quotes, int quotesExact,
                         int quotesOnRightPage, String problem) {
            this(path, format, wer, quotes, quotesExact, quotesOnRightPage, problem, List.of());
        }
    }

    /** Most word differences listed per document with {@link #showDifferences}. */
    private static final int MAX_DIFFERENCES = 20;

    private final TikaExtractor extractor;
    private final TextNormaliser normaliser = new TextNormaliser();

    private boolean differences;

    public ExtractionEval(TikaExtractor extractor) {
        this.extractor = extractor;
    }

    /** Also list, per document, the words that came out wrong. */
    public ExtractionEval showDifferences(boolean show) {
        this.differences = show;
        return this;
    }

    /** The result for a document whose text came out; with the differences when asked for. */
    DocResult scored(String path, String format, String expected, String actual, int quotes, int exact, int rightPage) {
        WordErrorRate wer = WordErrorRate.of(expected, actual);
        List<String> diffs = differences && wer.errors() > 0
                ? WordErrorRate.differences(expected, actual, MAX_DIFFERENCES) : List.of();
        return new DocResult(path, format, wer, quotes, exact, rightPage, null, diffs);
    }

    /** Writes the format bundle to {@code dir} and evaluates every document that should be indexed. */
    public List<DocResult> formatBundle(Path dir) throws IOException {
        FormatBundle.writeTo(dir);
        Map<String, NormalisedText> actual = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        List<FormatDocument> docs = FormatBundle.documents();
        for (FormatDocument d : docs) {
            if (!d.isChild() && Files.isRegularFile(dir.resolve(d.path()))) {
                try {
                    collect(d.path(), extractor.extract(dir.resolve(d.path())), actual, problems);
                } catch (ExtractionException e) {
                    problems.put(d.path(), e.getMessage());
                }
            }
        }
        List<DocResult> out = new ArrayList<>();
        for (FormatDocument d : docs) {
            if (!d.expectedStatus().equals(FormatDocument.INDEXED)) {
                continue;
            }
            NormalisedText text = actual.get(d.path());
            if (text == null) {
                out.add(new DocResult(d.path(), d.format(), new WordErrorRate(0, 0), d.quotations().size(), 0, 0,
                        problems.getOrDefault(d.path(), "not extracted")));
                continue;
            }
            int exact = 0;
            int rightPage = 0;
            for (FormatDocument.Quotation q : d.quotations()) {
                int at = text.text().indexOf(q.text());
                if (at >= 0) {
                    exact++;
                    if (text.pageOf(at) == d.pageOf(q.start())) {
                        rightPage++;
                    }
                }
            }
            out.add(scored(d.path(), d.format(), d.expectedText(), text.text(), d.quotations().size(), exact, rightPage));
        }
        return out;
    }

    private void collect(String path, Extraction e, Map<String, NormalisedText> actual, Map<String, String> problems) {
        if (!e.text().isBlank()) {
            actual.put(path, normaliser.normalise(e));
        }
        for (Extraction.Embedded child : e.embedded()) {
            String childPath = path + "!/" + child.name();
            if (child.extraction() != null) {
                collect(childPath, child.extraction(), actual, problems);
            } else {
                problems.put(childPath, child.problem());
            }
        }
    }

    /**
     * Renders each text of a folder (the real report excerpts; a header of {@code key: value} lines
     * and a blank line come first) into justified one- and two-column PDFs in memory and evaluates them.
     */
    public List<DocResult> textsAsPdf(Path folder) throws IOException {
        List<DocResult> out = new ArrayList<>();
        List<Path> files = texts(folder);
        Path tmp = Files.createTempDirectory("evidens-eval");
        try {
            for (Path f : files) {
                String body = withoutHeader(Files.readString(f, StandardCharsets.UTF_8));
                for (boolean two : new boolean[] {false, true}) {
                    String format = two ? "pdf-2col" : "pdf-1col";
                    FormatBundle.RenderedPdf pdf;
                    try {
                        pdf = FormatBundle.renderJustifiedPdf(body, two);
                    } catch (IllegalArgumentException notRenderable) {
                        continue; // a character the PDF font cannot draw
                    }
                    Path file = tmp.resolve(f.getFileName() + "." + format + ".pdf");
                    Files.write(file, pdf.bytes());
                    try {
                        NormalisedText text = normaliser.normalise(extractor.extract(file));
                        out.add(scored(f.getFileName().toString(), format, pdf.expectedText(), text.text(), 0, 0, 0));
                    } catch (ExtractionException e) {
                        out.add(new DocResult(f.getFileName().toString(), format, new WordErrorRate(0, 0), 0, 0, 0,
                                e.getMessage()));
                    }
                    Files.delete(file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    /**
     * Renders each text of a folder as a Word file with a running header and a «Side N» footer
     * ({@link ReportDocx}) and evaluates it: neither may enter the text.
     */
    public List<DocResult> textsAsDocx(Path folder) throws IOException {
        List<DocResult> out = new ArrayList<>();
        Path tmp = Files.createTempDirectory("evidens-eval");
        try {
            for (Path f : texts(folder)) {
                ReportDocx.Rendered docx = ReportDocx.render(withoutHeader(Files.readString(f, StandardCharsets.UTF_8)));
                Path file = tmp.resolve(f.getFileName() + ".docx");
                Files.write(file, docx.bytes());
                try {
                    NormalisedText text = normaliser.normalise(extractor.extract(file));
                    out.add(scored(f.getFileName().toString(), "docx-header", docx.expectedText(), text.text(), 0, 0, 0));
                } catch (ExtractionException e) {
                    out.add(new DocResult(f.getFileName().toString(), "docx-header", new WordErrorRate(0, 0), 0, 0, 0,
                            e.getMessage()));
                }
                Files.delete(file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    private static List<Path> texts(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** The text of an eval-dev excerpt: what follows its header (every line up to the first blank line). */
    public static String withoutHeader(String raw) {
        int blank = raw.indexOf("\n\n");
        return blank < 0 ? raw : raw.substring(blank + 2);
    }

    /** Prints one row per format and a total: documents, words, WER, quotations exact and on the right page. */
    public static void print(String title, List<DocResult> results, PrintWriter out) {
        out.println(title);
        out.printf("  %-10s %5s %8s %8s %12s %12s%n", "format", "docs", "words", "WER", "quotes exact", "right page");
        Map<String, List<DocResult>> byFormat = new TreeMap<>();
        for (DocResult r : results) {
            byFormat.computeIfAbsent(r.format(), k -> new ArrayList<>()).add(r);
        }
        byFormat.put("all", results);
        for (Map.Entry<String, List<DocResult>> e : byFormat.entrySet()) {
            WordErrorRate wer = new WordErrorRate(0, 0);
            int quotes = 0;
            int exact = 0;
            int page = 0;
            for (DocResult r : e.getValue()) {
                wer = wer.plus(r.wer());
                quotes += r.quotes();
                exact += r.quotesExact();
                page += r.quotesOnRightPage();
            }
            out.printf(java.util.Locale.ROOT, "  %-10s %5d %8d %7.2f%% %12s %12s%n", e.getKey(), e.getValue().size(), wer.words(),
                    100 * wer.rate(), exact + "/" + quotes, page + "/" + quotes);
        }
        for (DocResult r : results) {
            if (r.problem() != null) {
                out.println("  failed: " + r.path() + ": " + r.problem());
            }
            for (String d : r.differences()) {
                out.println("  " + r.path() + " (" + r.format() + "): " + d);
            }
        }
        out.flush();
    }
}
