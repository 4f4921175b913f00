package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingKind;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.lang.Language;

/**
 * Round 53's walk: a quotation from an e-mail's attachment was cited «Kilde: rutine-skole, annet, side 1» in the DOCX,
 * with no word of the e-mail it came in. The report's citation names the container in the report's language; the
 * machine's fields keep their form, and an anonymised export names no container's file (round 54: only its kind,
 * {@link AnonymisedContainerTest}). Made-up names.
 */
class AttachmentSourceTest {
    private static final String QUOTE = "Rektor følger opp fravær hver uke.";
    private static final String MAIL = "korrespondanse/epost-rutine-skole.eml!/rutine-skole.docx";

    private static CaseExport exported(String title, String file, Anonymiser anonymiser) {
        EvidenceDraft d = new EvidenceDraft("sak/abc/1", null, "abc", 0, QUOTE.length(), QUOTE, title, file, "annet", 1, 1,
                "0".repeat(64), "/home/ola/tilsyn", Stance.SUPPORTS, null, new Provenance(null, Map.of()), null);
        Instant at = Instant.parse("2026-12-06T07:00:00Z");
        EvidenceItem item = new EvidenceItem(1, 1, 1, d, "ola", at);
        Finding f = new Finding(1, "sak", FindingKind.of("avvik"), 1, "Fravær følges ikke opp", List.of(), "", "utkast", "ola", at,
                "ola", at, 1);
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, "sak", at.toString(), "ola", anonymiser != null,
                List.of(CaseExports.finding(f, List.of(item), anonymiser)), List.of());
    }

    private static String docxSource(CaseExport export, Language language) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ExportFormat.DOCX.bytes(export, language)))) {
            return doc.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> t.startsWith("Kilde") || t.startsWith("Kjelde"))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void anAttachmentsSourceNamesTheEmailItCameInInBokmalAndNynorsk() throws Exception {
        CaseExport export = exported("rutine-skole", MAIL, null);
        assertEquals("Kilde: rutine-skole (vedlegg til e-posten epost-rutine-skole.eml), annet, side 1", docxSource(export, Language.NB));
        assertEquals("Kjelde: rutine-skole (vedlegg til e-posten epost-rutine-skole.eml), annet, side 1",
                docxSource(export, Language.NN));
        assertTrue(MarkdownReport.render(export, Language.NB)
                .contains("> Kilde: rutine-skole (vedlegg til e-posten epost-rutine-skole.eml), annet, side 1 ("), "Markdown too");
        CaseExport.EvidenceOut e = export.findings().get(0).evidence().get(0);
        assertEquals("rutine-skole, annet, side 1", e.source(), "the export's field (CSV, JSON) keeps its form");
        assertEquals(MAIL, e.citation().file());
    }

    @Test
    void aDocumentFromAnArchiveInsideAnEmailNamesTheNearestContainer() throws Exception {
        CaseExport zip = exported("Plan", "pakke.zip!/plan.pdf", null);
        assertEquals("Kilde: Plan (fra arkivet pakke.zip), annet, side 1", docxSource(zip, Language.NB));
        assertEquals("Kjelde: Plan (frå arkivet pakke.zip), annet, side 1", docxSource(zip, Language.NN));
        CaseExport nested = exported("Plan", "pakke.zip!/post/melding.eml!/plan.pdf", null);
        assertEquals("Kilde: Plan (vedlegg til e-posten melding.eml), annet, side 1", docxSource(nested, Language.NB));
        assertEquals("Kilde: Plan, annet, side 1", docxSource(exported("Plan", "plan.pdf", null), Language.NB),
                "a file of the bundle itself came in nothing");
    }

    @Test
    void aFodselsnummerInTheEmailsNameIsMaskedAndAnAnonymisedExportNamesNoContainerFile() throws Exception {
        String file = "epost-01010150129.eml!/vedlegg.docx";
        String nb = docxSource(exported("Vedlegg", file, null), Language.NB);
        assertEquals("Kilde: Vedlegg (vedlegg til e-posten epost-[fødselsnummer].eml), annet, side 1", nb);
        CaseExport anonymised = exported("Vedlegg", "epost-tobias-lunde.eml!/vedlegg.docx", AnonymiserTest.typedAs("PER:Tobias Lunde"));
        String source = docxSource(anonymised, Language.NB);
        assertEquals("Kilde: Vedlegg (vedlegg til en e-post), annet, side 1", source);
        assertFalse(MarkdownReport.render(anonymised, Language.NB).toLowerCase(java.util.Locale.ROOT).contains("lunde"));
    }
}
