package no.evidens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated bundle of any size for benchmarks: documents in turn PDF, DOCX, HTML, TXT and e-mail (every
 * other e-mail with a PDF attached), each of 4–14 paragraphs drawn from the fictional sample bundle's texts
 * with a numbered title, so that no two files have the same bytes. The same count and seed give the same
 * files.
 */
public final class MixedBundle {
    private static final String[] FORMATS = {"pdf", "docx", "html", "txt", "eml"};
    private static final String[] FOLDERS = {"styringsdokumenter", "journaler", "klientdokumentasjon"};

    private MixedBundle() {
    }

    /** Writes {@code count} documents under {@code dir} (in folders of at most 1,000) and returns their paths. */
    public static List<Path> writeTo(Path dir, int count, long seed) throws IOException {
        List<String> pool = new ArrayList<>();
        for (SampleDocument d : SampleBundle.documents()) {
            for (String p : d.expectedText().split("\n\n")) {
                if (p.length() > 60) {
                    pool.add(p);
                }
            }
        }
        Random random = new Random(seed);
        PdfRenderer pdf = new PdfRenderer();
        DocxRenderer docx = new DocxRenderer();
        HtmlRenderer html = new HtmlRenderer();
        TxtRenderer txt = new TxtRenderer();
        LocalDate start = LocalDate.of(2025, 1, 1);
        List<Path> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String format = FORMATS[i % FORMATS.length];
            SourceText text = text(pool, random, "Dokument " + (i + 1) + " i tilsynet");
            LocalDate date = start.plusDays(i % 365);
            byte[] bytes = switch (format) {
                case "pdf" -> pdf.render(text, text.title(), date);
                case "docx" -> docx.render(text, text.title(), date);
                case "html" -> html.render(text, text.title(), date);
                case "txt" -> txt.render(text, text.title(), date);
                default -> mail(text, i, random, pool, pdf, date);
            };
            Path file = dir.resolve(FOLDERS[i % FOLDERS.length]).resolve("del-" + (i / 1000))
                    .resolve(String.format("dokument-%06d.%s", i + 1, format));
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            out.add(file);
        }
        return out;
    }

    private static SourceText text(List<String> pool, Random random, String title) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(title);
        int n = 4 + random.nextInt(11);
        for (int k = 0; k < n; k++) {
            paragraphs.add(pool.get(random.nextInt(pool.size())));
        }
        return new SourceText(paragraphs, java.util.Set.of());
    }

    private static byte[] mail(SourceText text, int i, Random random, List<String> pool, PdfRenderer pdf, LocalDate date)
            throws IOException {
        List<EmlWriter.Attachment> attachments = new ArrayList<>();
        if ((i / FORMATS.length) % 2 == 0) {
            SourceText attached = text(pool, random, "Vedlegg til dokument " + (i + 1));
            attachments.add(new EmlWriter.Attachment("vedlegg-" + (i + 1) + ".pdf", "application/pdf",
                    pdf.render(attached, attached.title(), date)));
        }
        return EmlWriter.write("Saksbehandler <saksbehandler@fjordvik.kommune.example>",
                "Statsforvalteren i Vestfjord <tilsyn@statsforvalteren-vestfjord.example>",
                text.title(), "Mon, 2 Feb 2026 09:14:00 +0100", "dokument-" + (i + 1) + "@fjordvik.kommune.example",
                text.body(), attachments);
    }
}
