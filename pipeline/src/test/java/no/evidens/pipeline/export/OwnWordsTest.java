package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.Finding;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;

/**
 * An anonymised export tells which finding's own words (title, text: exported as written) name a person its quotations
 * mask (round 45's «Kommunen har ingen koordinator for Tobias»). Made-up names.
 */
class OwnWordsTest {
    @TempDir
    Path tmp;

    @Test
    void theFindingsWhoseTitleOrTextNameAMaskedPersonAreToldByFieldAndName() {
        try (FindingStore store = FindingStore.open(tmp.resolve("findings"))) {
            Finding first = store.create("sak", FindingKind.AVVIK, new FindingDraft("Kommunen har ingen koordinator for Tobias",
                    List.of(), "Planen nevner ikke Roar Storviks behov. Han ble ikke hørt.", null), "kari");
            AnonymisedReportTest.quote(store, first, "Tobias Lunde møtte Roar Storvik.");
            Finding clean = store.create("sak", FindingKind.MERKNAD, new FindingDraft("Rutinen er ikke evaluert", List.of(),
                    "Kommunen bør evaluere rutinen. Tobiassen-utvalget er et annet.", null), "kari");
            AnonymisedReportTest.quote(store, clean, "Rutinen ble vedtatt i 2021.");
            Finding later = store.create("sak", FindingKind.OBSERVASJON, new FindingDraft("Samtalen", List.of(), "Lunde var ikke med.",
                    null), "kari");

            CaseExports.Anonymised a = CaseExports.anonymised(store, "sak", "siri",
                    AnonymiserTest.typedAs("PER:Tobias Lunde", "PER:Roar Storvik"), null);

            assertEquals("[navn 1] møtte [navn 2].", a.export().findings().get(0).evidence().get(0).quote());
            assertEquals("Kommunen har ingen koordinator for Tobias", a.export().findings().get(0).title(), "the auditor's words as written");
            assertEquals(List.of(
                    new OwnWords.Named("avvik-1", "Avvik 1", OwnWords.TITLE, List.of("Tobias")),
                    new OwnWords.Named("avvik-1", "Avvik 1", OwnWords.TEXT, List.of("Roar Storviks")),
                    new OwnWords.Named(later.ref(), "Observasjon 1", OwnWords.TEXT, List.of("Lunde"))), a.namesInOwnWords());
        }
    }

    @Test
    void anExportThatMasksNoNameWarnsOfNothing() {
        try (FindingStore store = FindingStore.open(tmp.resolve("findings"))) {
            Finding f = store.create("sak", FindingKind.AVVIK, new FindingDraft("Tobias er ikke fulgt opp", List.of(), "", null), "kari");
            AnonymisedReportTest.quote(store, f, "Rutinen ble vedtatt i 2021.");
            assertTrue(CaseExports.anonymised(store, "sak", "siri", AnonymiserTest.typedAs("PER:Tobias Lunde"), null)
                    .namesInOwnWords().isEmpty());
        }
    }
}
