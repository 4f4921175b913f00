package no.evidens.pipeline.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import no.evidens.pipeline.CleanText;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.lang.Language;

/** The formats of {@code evidens export}. */
public enum ExportFormat {
    DOCX, MD, CSV, XLSX, JSON;

    public static ExportFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + name + "': use docx, md, csv, xlsx or json");
        }
    }

    /** The media type of a file in this format, as a download names it. */
    public String mediaType() {
        return switch (this) {
            case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case MD -> "text/markdown; charset=utf-8";
            case CSV -> "text/csv; charset=utf-8";
            case XLSX -> XlsxSheet.MEDIA_TYPE;
            case JSON -> "application/json; charset=utf-8";
        };
    }

    /** Writes the export to {@code out} (whole or not at all), its own words in Bokmål. */
    public void write(CaseExport export, Path out) {
        write(export, out, Language.NB);
    }

    /** Writes the export to {@code out} (whole or not at all), its own words («Kilde», «Kjelde» …) in {@code language}. */
    public void write(CaseExport export, Path out, Language language) {
        CaseExports.atomically(out, tmp -> Files.write(tmp, bytes(export, language)));
    }

    /**
     * The export's bytes, made in memory (a download needs no disk, so a full one does not stop it), its own words in
     * {@code language}.
     */
    public byte[] bytes(CaseExport export, Language language) throws IOException {
        // repaired: a finding stored with broken text (a lone surrogate) must not break the export
        return switch (this) {
            case DOCX -> DocxReport.bytes(export, language);
            case MD -> CleanText.repaired(MarkdownReport.render(export, language)).getBytes(StandardCharsets.UTF_8);
            case CSV -> CleanText.repaired(CsvReport.render(export)).getBytes(StandardCharsets.UTF_8);
            case XLSX -> XlsxReport.bytes(export, language);
            case JSON -> (CleanText.repaired(Json.write(export)) + "\n").getBytes(StandardCharsets.UTF_8);
        };
    }
}
