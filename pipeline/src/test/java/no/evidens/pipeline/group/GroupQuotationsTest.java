package no.evidens.pipeline.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.CaseExport.Citation;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExport.ProvenanceOut;
import no.evidens.pipeline.export.CaseExport.RequirementOut;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.findings.SearcherSource;

/**
 * Round 53's walk: the group's quotations page called both Vålers «Våler» where the overview says «Våler (Innlandet)»;
 * it names a place as the overview does, and cites an e-mail's attachment with its e-mail. Three cases imported from
 * exports (no index), made-up text.
 */
class GroupQuotationsTest {
    @TempDir
    Path tmp;

    private static CaseExport export(String caseId, String file) {
        String at = "2026-12-06T07:00:00Z";
        EvidenceOut e = new EvidenceOut(1, 1, "supports", "Det er ikke avtalt samarbeid.", "Rutine, annet, side 1",
                new Citation("Rutine", file, "annet", "d1", 1, 1, 0, 29), caseId + "/d1/0", caseId + "/d1/0", "0".repeat(64), null,
                null, new ProvenanceOut(null, Map.of()), "testar", at, "5");
        FindingOut f = new FindingOut(1, "A1", "Avvik 1", "avvik", 1, "Kommunen sikrer ikke samarbeid",
                List.of(new RequirementOut("barnevernloven", List.of("15-8"), "barnevernloven § 15-8")), "", "utkast", "testar", at,
                "testar", at, List.of(e), 1);
        return new CaseExport(CaseExport.FORMAT, CaseExport.VERSION, caseId, at, "testar", false, List.of(f), List.of());
    }

    /** Three cases imported into a group {@code tilsyn}: two Vålers (one quotation each) and Fjordvik (an e-mail's attachment). */
    private GroupService group() throws Exception {
        EvidensHome home = new EvidensHome(tmp.resolve("home"));
        FindingsService findings = new FindingsService(home, SearcherSource.opening(IndexBackend.of(home)), Duration.ofSeconds(30));
        GroupService groups = new GroupService(home, SearcherSource.opening(IndexBackend.of(home)), findings, Duration.ofSeconds(30));
        groups.create("tilsyn", "Tilsyn", "testar");
        String[][] places = {{"valer-ostfold", "Våler", "Østfold"}, {"valer-innlandet", "Våler", "Innlandet"}, {"fjordvik", "Fjordvik", "Vestland"}};
        for (String[] p : places) {
            Path file = tmp.resolve(p[0] + ".json");
            Json.mapper().writeValue(file.toFile(), export(p[0], p[0].equals("fjordvik") ? "post/melding.eml!/rutine.docx" : "rutine.docx"));
            findings.reports().importFile(file, "testar");
            groups.add("tilsyn", p[0], p[1], p[2], "testar");
        }
        return groups;
    }

    @Test
    void twoMunicipalitiesOfOneNameAreNamedWithTheirCountyAndAnAttachmentWithItsEmail() throws Exception {
        List<GroupService.Candidate> quotations = group().quotations("tilsyn", null);
        assertEquals(List.of("Fjordvik", "Våler (Innlandet)", "Våler (Østfold)"), quotations.stream().map(GroupService.Candidate::place).toList());
        assertEquals("Rutine (vedlegg til e-posten melding.eml), annet, side 1", quotations.get(0).source());
        assertEquals("Rutine, annet, side 1", quotations.get(1).source());
    }

    /**
     * Round 54: the page of a nationwide audit narrowed by county, municipality (by name: both Vålers; or by the overview's
     * label), requirement and kind, a page at a time, each narrowing counted under the others; a county, municipality or
     * requirement the group lacks is refused, and a kind that is neither avvik nor merknad.
     */
    @Test
    void theQuotationsAreNarrowedByPlaceRequirementAndKindAndComeAPageAtATime() throws Exception {
        GroupService groups = group();
        GroupQuotations.Page all = groups.quotations("tilsyn", null, null, null, GroupQuotations.Filter.NONE, 0, 2);
        assertEquals(3, all.total());
        assertEquals(3, all.matched());
        assertEquals(List.of("Fjordvik", "Våler (Innlandet)"), all.items().stream().map(GroupService.Candidate::place).toList());
        assertEquals(List.of("Våler (Østfold)"), groups.quotations("tilsyn", null, null, null, GroupQuotations.Filter.NONE, 2, 2).items()
                .stream().map(GroupService.Candidate::place).toList());
        assertEquals(List.of(new GroupQuotations.Count("Innlandet", 1), new GroupQuotations.Count("Vestland", 1),
                new GroupQuotations.Count("Østfold", 1)), all.counties());

        GroupQuotations.Page innlandet = groups.quotations("tilsyn", null, null, null,
                new GroupQuotations.Filter("innlandet", null, null, null, false), 0, 50);
        assertEquals(List.of("valer-innlandet"), innlandet.items().stream().map(GroupService.Candidate::caseId).toList());
        assertEquals(3, innlandet.total());
        assertEquals(1, innlandet.matched());
        assertEquals(3, innlandet.counties().size(), "the counties are counted without the county chosen");
        assertEquals(List.of(new GroupQuotations.Count("Våler (Innlandet)", 1)), innlandet.municipalities(), "the municipalities with it");

        GroupQuotations.Filter valer = new GroupQuotations.Filter(null, "Våler", "barnevernloven § 15-8", "avvik", false);
        assertEquals(2, groups.quotations("tilsyn", null, null, null, valer, 0, 50).matched(), "both Vålers");
        GroupQuotations.Filter oneValer = new GroupQuotations.Filter(null, "Våler (Østfold)", null, null, false);
        assertEquals(List.of("valer-ostfold"), groups.quotations("tilsyn", null, null, null, oneValer, 0, 50).items().stream()
                .map(GroupService.Candidate::caseId).toList());
        assertEquals(0, groups.quotations("tilsyn", null, null, null, new GroupQuotations.Filter(null, null, null, "merknad", false), 0, 50)
                .matched());
        assertEquals(0, groups.quotations("tilsyn", null, null, null, new GroupQuotations.Filter(null, null, null, null, true), 0, 50)
                .matched(), "nothing is chosen");

        NotFound county = assertThrows(NotFound.class, () -> groups.quotations("tilsyn", null, null, null,
                new GroupQuotations.Filter("Nordland", null, null, null, false), 0, 50));
        assertEquals("error.group-county", county.key());
        NotFound requirement = assertThrows(NotFound.class, () -> groups.quotations("tilsyn", null, null, null,
                new GroupQuotations.Filter(null, null, "opplæringslova § 9 A-2", null, false), 0, 50));
        assertEquals("error.group-requirement", requirement.key());
        assertThrows(Refusal.class, () -> new GroupQuotations.Filter(null, null, null, "observasjon", false));
    }
}
