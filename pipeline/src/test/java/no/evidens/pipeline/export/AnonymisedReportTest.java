package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.export.CaseExport.FindingOut;

/**
 * A case's anonymised report as its reader meets it (round 45's walk): one placeholder is one person through the whole
 * report, and a fødselsnummer its label names leaves in no quotation. Made-up names and numbers.
 */
class AnonymisedReportTest {
    @TempDir
    Path tmp;

    private static void quote(FindingStore store, Finding f, String quote) {
        store.attach(f, new EvidenceDraft("sak/d1/0", null, "d1", 0, quote.length(), quote, "Journal", "journaler/journal.txt",
                "journal", 1, 1, "0".repeat(64), null, Stance.SUPPORTS, null, new Provenance(null, Map.of()), null), "kari");
    }

    @Test
    void aPlaceholderIsOnePersonInEveryFindingAndALabelledNumberIsMasked() {
        CaseExport export;
        try (FindingStore store = FindingStore.open(tmp.resolve("findings"))) {
            Finding first = store.create("sak", FindingKind.of("avvik"), new FindingDraft("Fastlegen meldte ikke", List.of(), "", null),
                    "kari");
            quote(store, first, "Det ringte Linn Storvik. Pasient: Roar Storvik. Fødselsnummer: 01017012345.");
            Finding second = store.create("sak", FindingKind.of("merknad"), new FindingDraft("Planen mangler", List.of(), "", null),
                    "ola");
            quote(store, second, "Tobias Lunde møtte Roar Storvik.");
            export = CaseExports.read(store, "sak", "siri",
                    AnonymiserTest.typedAs("PER:Linn Storvik", "PER:Roar Storvik", "PER:Tobias Lunde"));
        }
        List<FindingOut> findings = export.findings();
        assertEquals("Det ringte [navn 1]. Pasient: [navn 2]. Fødselsnummer: [fødselsnummer].",
                findings.get(0).evidence().get(0).quote());
        assertEquals("[navn 3] møtte [navn 2].", findings.get(1).evidence().get(0).quote(),
                "Roar Storvik keeps his number in the next finding; Tobias Lunde is not [navn 1]");
    }
}
