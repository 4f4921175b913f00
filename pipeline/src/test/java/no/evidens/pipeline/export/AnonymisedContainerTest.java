package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingKind;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.lang.Language;

/**
 * Round 54: an anonymised export named no container at all, since the container's file name may name the client
 * («epost-tobias-lunde.eml»). It now says what kind of file the quotation came in («vedlegg til en e-post», «fra et
 * arkiv»; Nynorsk «vedlegg til ein e-post», «frå eit arkiv») in every format, and no format holds the container's name.
 * Made-up names.
 */
class AnonymisedContainerTest {
    private static final String QUOTE = "Rektor følger opp fravær hver uke.";

    private static CaseExport anonymised(String file) {
        EvidenceDraft d = new EvidenceDraft("sak/abc/1", null, "abc", 0, QUOTE.length(), QUOTE, "Vedlegg", file, "annet", 1, 1,
                "0".repeat(64), "/home/ola/tilsyn-lunde", Stance.SUPPORTS, null, new Provenance(null, Map.of()), null);
        Instant at = Instant.parse("2026-12-06T07:00:00Z");
        EvidenceItem item = new EvidenceItem(1, 1, 1, d, "ola", at);
        Finding f = new Finding(1, "sak", FindingKind.of("avvik"), 1, "Fravær følges ikke opp", List.of(), "", "utkast", "ola", at,
                "ola", at, 1);
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "sak", at.toString(), "ola", true,
                List.of(CaseExports.finding(f, List.of(item), AnonymiserTest.typedAs("PER:Tobias Lunde"))), List.of());
    }

    /** The export in a format as text: the DOCX's and the workbook's text as Word and Excel show it, the others as written. */
    private static String text(ExportFormat format, CaseExport export, Language language) throws Exception {
        byte[] bytes = format.bytes(export, language);
        return switch (format) {
            case DOCX -> {
                try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
                     XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
                    yield words.getText();
                }
            }
            case XLSX -> {
                StringBuilder out = new StringBuilder();
                DataFormatter cells = new DataFormatter();
                try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                    for (Row row : book.getSheetAt(0)) {
                        row.forEach(c -> out.append(cells.formatCellValue(c)).append('\t'));
                        out.append('\n');
                    }
                }
                yield out.toString();
            }
            default -> new String(bytes, StandardCharsets.UTF_8);
        };
    }

    @ParameterizedTest
    @CsvSource({
        "epost-tobias-lunde.eml!/vedlegg.docx, vedlegg til en e-post, vedlegg til ein e-post, mail",
        "tobias-lunde-pakke.zip!/vedlegg.docx, fra et arkiv, frå eit arkiv, archive",
        "tobias-lunde-pakke.zip!/post/lunde.msg!/vedlegg.docx, vedlegg til en e-post, vedlegg til ein e-post, mail",
    })
    void everyFormatSaysTheContainersKindAndNoFormatNamesIt(String file, String nb, String nn, String kind) throws Exception {
        CaseExport export = anonymised(file);
        for (ExportFormat format : ExportFormat.values()) {
            for (Language language : List.of(Language.NB, Language.NN)) {
                String text = text(format, export, language);
                String lower = text.toLowerCase(Locale.ROOT);
                assertFalse(lower.contains("lunde") || lower.contains("tobias") || lower.contains(".eml") || lower.contains(".zip")
                        || lower.contains(".msg"), format + " " + language + " names the container: " + text);
                if (format != ExportFormat.JSON) {
                    // the CSV is Bokmål whatever the report's language, as its other words are
                    String words = language == Language.NN && format != ExportFormat.CSV ? nn : nb;
                    assertTrue(text.contains("Vedlegg (" + words + "), annet, side 1"), format + " " + language + ": " + text);
                }
            }
        }
        JsonNode citation = Json.mapper().readTree(ExportFormat.JSON.bytes(export, Language.NB))
                .at("/findings/0/evidence/0/citation");
        assertEquals(kind, citation.path("container").asText(), "the JSON says the kind: " + citation);
        assertEquals("dokument-abc.docx", citation.path("file").asText());
    }
}
