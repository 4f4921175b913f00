package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.findings.trail.TrailCheck;
import no.evidens.findings.trail.TrailProblem;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.lang.Texts;

/** The audit page tells a changed trail's problems in the lead's language, not in the command line's English. */
class AuditProblemsTextTest {
    private static final TrailCheck CHANGED = new TrailCheck(5, 4, List.of("entry #3 was changed …", "entry #5 is in audit-chain.log …"), 3L,
            List.of(new TrailProblem("trail.changed", List.of("3", "2026-11-30T07:17:36Z", "ola", "finding-create")),
                    new TrailProblem("trail.removed", List.of("5", "audit-chain.log"))));

    @Test
    void eachProblemInBokmalAndNynorsk() {
        assertEquals(List.of("Oppføring nr. 3 er endret etter at den ble skrevet (2026-11-30T07:17:36Z, ola, Opprettet funn): innholdet stemmer"
                + " ikke lenger med kontrollsummen.", "Oppføring nr. 5 står i kjedefilen audit-chain.log, men ikke i databasen (fjernet)."),
                AuditResource.problemsText(Texts.of(Language.NB), CHANGED));
        List<String> nn = AuditResource.problemsText(Texts.of(Language.NN), CHANGED);
        assertEquals("Oppføring nr. 5 står i kjedefila audit-chain.log, men ikkje i databasen (fjerna).", nn.get(1));
        nn.forEach(NorwegianText::assertNorwegian);
    }

    /**
     * Round 50: with lines taken out of the chain file the page still said «… stemmer med sin kontrollsum og med
     * kjedefilen»; it now names the entries the file lacks.
     */
    @Test
    void anIntactTrailSaysWhichEntriesTheChainFileLacks() {
        TrailCheck lacking = new TrailCheck(9, 5, List.of(), null, List.of(), List.of(3L, 7L, 8L, 9L));
        assertEquals("Sporet er uendret: hver oppføring stemmer med sin kontrollsum og med oppføringen før. Kjedefilen"
                + " audit-chain.log mangler likevel linjen for oppføring nr. 3, 7–9: linjen ble ikke skrevet (full disk eller et"
                + " krasj), eller den er tatt ut av filen for hånd.", AuditResource.intactText(Texts.of(Language.NB), lacking, false));
        String nn = AuditResource.intactText(Texts.of(Language.NN), lacking, false);
        assertTrue(nn.contains("manglar likevel linja for oppføring nr. 3, 7–9"), nn);
        NorwegianText.assertNorwegian(nn);
        assertEquals(Texts.of(Language.NB).get("ui.audit.intact"),
                AuditResource.intactText(Texts.of(Language.NB), new TrailCheck(5, 5, List.of(), null), false));
        assertNull(AuditResource.intactText(Texts.of(Language.NB), CHANGED, false), "a changed trail is told by its problems");
    }

    /**
     * Round 51: with two team servers on one store server, the page of one said of the other's entries that their line was
     * not written (full disk, a crash) or taken out by hand; it now says the other servers keep them in their own files.
     */
    @Test
    void onAStoreServerTheEntriesOtherHomesWroteAreSaidToBeInTheirChainFiles() {
        TrailCheck others = new TrailCheck(8, 5, List.of(), null, List.of(), List.of(5L, 6L, 7L));
        String nb = AuditResource.intactText(Texts.of(Language.NB), others, true);
        assertTrue(nb.contains("Oppføring nr. 5–7 står ikke i kjedefilen audit-chain.log til denne Evidens-tjeneren: flere tjenere"
                + " deler lagertjeneren"), nb);
        assertTrue(nb.contains("«evidens audit verify --chain»"), nb);
        String nn = AuditResource.intactText(Texts.of(Language.NN), others, true);
        assertTrue(nn.contains("Oppføring nr. 5–7 står ikkje i kjedefila audit-chain.log til denne Evidens-tenaren"), nn);
        NorwegianText.assertNorwegian(nb);
        NorwegianText.assertNorwegian(nn);
    }

    @Test
    void anIntactTrailHasNone() {
        assertEquals(List.of(), AuditResource.problemsText(Texts.of(Language.NB), new TrailCheck(5, 5, List.of(), null)));
    }
}
