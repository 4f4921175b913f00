package no.evidens.evaluation.tags;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.evidens.models.eval.GoldFolder;
import no.evidens.corpus.FormatBundle;
import no.evidens.corpus.tags.EvalDevGold;
import no.evidens.corpus.tags.GoldTag;
import no.evidens.evaluation.extraction.ReportDocx;
import no.evidens.models.eval.Prf;
import no.evidens.models.tag.Quotation;
import no.evidens.models.tag.QuoteTagger;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.TikaExtractor;
import no.evidens.pipeline.normalise.NormalisedText;
import no.evidens.pipeline.normalise.TextNormaliser;

/**
 * Quotations on the real excerpts as a user gets them: each excerpt rendered as a Word report with a running header
 * and a page footer ({@link ReportDocx}) and as a justified PDF in one and in two columns
 * ({@link FormatBundle#renderJustifiedPdf}), extracted and normalised as ingestion does, then tagged with the page
 * furniture the normaliser reports. Offsets move in a rendering, so a quotation is matched by its inner text
 * (white space collapsed), each occurrence once; the text as read from the file is scored the same way beside them.
 */
public final class RenderedQuoteEval {
    private static final List<String> FORMATS = List.of("text", "docx", "pdf-1col", "pdf-2col");

    private RenderedQuoteEval() {
    }

    /** Prints one line per format for the split's excerpts annotated for quotations. */
    public static void run(Path evalDev, String split, PrintStream out) throws IOException {
        List<EvalDevGold.Excerpt> excerpts = EvalDevGold.load(evalDev, GoldFolder.file(EvalDevGold.FILE), split).stream()
                .filter(x -> x.annotated().contains("q")).toList();
        TikaExtractor extractor = new TikaExtractor();
        TextNormaliser normaliser = new TextNormaliser();
        QuoteTagger tagger = new QuoteTagger();
        Path tmp = Files.createTempDirectory("evidens-quotes");
        try {
            for (String format : FORMATS) {
                Prf prf = new Prf();
                int skipped = 0;
                for (EvalDevGold.Excerpt x : excerpts) {
                    String body = x.document().text();
                    NormalisedText text = rendered(format, body, tmp, extractor, normaliser);
                    if (text == null) {
                        skipped++;
                        continue;
                    }
                    List<String> gold = new ArrayList<>();
                    for (GoldTag t : x.document().tags("q")) {
                        gold.add(body.substring(t.start(), t.end()));
                    }
                    List<String> found = new ArrayList<>();
                    for (Quotation q : tagger.tag(text.text(), text.furniture())) {
                        found.add(text.text().substring(q.start(), q.end()));
                    }
                    prf.add(occurrences(gold), occurrences(found));
                }
                out.printf(Locale.ROOT, "quotations, eval-dev %s, %-8s (inner text): %s%s%n", split, format, prf,
                        skipped == 0 ? "" : ", " + skipped + " excerpts not renderable in this format");
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static NormalisedText rendered(String format, String body, Path tmp, TikaExtractor extractor,
                                           TextNormaliser normaliser) throws IOException {
        byte[] bytes;
        switch (format) {
            case "text" -> {
                return new NormalisedText(body, List.of(0));
            }
            case "docx" -> bytes = ReportDocx.render(body).bytes();
            default -> {
                try {
                    bytes = FormatBundle.renderJustifiedPdf(body, format.equals("pdf-2col")).bytes();
                } catch (IllegalArgumentException notRenderable) {
                    return null; // a character the PDF font cannot draw
                }
            }
        }
        Path file = tmp.resolve("excerpt." + (format.equals("docx") ? "docx" : "pdf"));
        Files.write(file, bytes);
        try {
            return normaliser.normalise(extractor.extract(file));
        } catch (ExtractionException e) {
            throw new IOException(format + " rendering could not be extracted: " + e.getMessage(), e);
        } finally {
            Files.delete(file);
        }
    }

    /** Each text, white space collapsed, numbered by its occurrence so that a repeated quotation counts each time. */
    private static List<String> occurrences(List<String> texts) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            String key = t.strip().replaceAll("\\s+", " ");
            out.add(key + "#" + seen.merge(key, 1, Integer::sum));
        }
        return out;
    }
}
