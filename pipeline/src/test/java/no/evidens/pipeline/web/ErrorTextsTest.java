package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.evidens.access.Permission;
import no.evidens.access.Role;
import no.evidens.findings.CaseClosed;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingLocked;
import no.evidens.findings.FindingsRefusal;
import no.evidens.findings.StoreInUse;
import no.evidens.findings.StoreTooNew;
import no.evidens.index.IndexUnreachableException;
import no.evidens.index.NoIndexException;
import no.evidens.index.QuerySyntaxException;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.bundle.BundleRefused;
import no.evidens.pipeline.lang.Language;

/** An error told in the user's language from its key; one without a key as a general refusal, never in its own (English) words. */
class ErrorTextsTest {
    @Test
    void keyedErrorsInBokmålAndNynorsk() {
        QuerySyntaxException q = new QuerySyntaxException("english", "query.syntax.quote", List.of("\"plan"));
        assertEquals("Søket «\"plan» kan ikke leses: et anførselstegn \" er ikke lukket.", ErrorTexts.message(Language.NB, q));
        assertEquals("Søket «\"plan» kan ikkje lesast: eit hermeteikn \" er ikkje lukka.", ErrorTexts.message(Language.NN, q));
        assertEquals("Berre saksleiaren kan godkjenne avvik-1.", ErrorTexts.message(Language.NN,
                new FindingLocked("english", "review.lead-only.approve", List.of("avvik-1"))));
        assertEquals("Utdraget 5–9 har ingen ord.", ErrorTexts.message(Language.NB, new Refusal("attach.span-no-words", "english", 5, 9)));
        assertEquals("Tittelen kan ikkje vere tom.", ErrorTexts.message(Language.NN, ApiError.badRequest("error.title-empty")));
    }

    @Test
    void anIndexThatDoesNotAnswerIsSaidAsSuchWithoutTheClustersAddress() {
        Exception e = new java.io.UncheckedIOException(new IndexUnreachableException("SolrCloud at zk1:2181/solr did not answer for 60 s",
                new RuntimeException("zk1:2181 refused")));
        assertEquals("Søkeindeksen svarer ikke nå (SolrCloud-klyngen er ikke å nå). Prøv igjen om litt, eller be administratoren sjekke klyngen.",
                ErrorTexts.message(Language.NB, e));
        assertEquals("Søkjeindeksen svarar ikkje no (SolrCloud-klynga er ikkje å nå). Prøv igjen om litt, eller be administratoren sjekke klynga.",
                ErrorTexts.message(Language.NN, e));
        assertFalse(IndexUnreachableException.in(new java.io.IOException("disk")), "another failure is not the index's");
    }

    @Test
    void aStoreServerThatStoppedIsSaidAsSuchWithoutItsAddress() {
        // the connection broke under a change: the store server stopped after the store was opened
        Exception e = new IllegalStateException("the findings store could not save the change: Connection is broken: tcp://arkiv:9092",
                new java.sql.SQLException("Connection is broken", "90067", org.h2.api.ErrorCode.CONNECTION_BROKEN_1));
        assertEquals("Lagertjeneren for funn og brukere svarer ikke nå, eller den avviste passordet. Prøv igjen om litt, eller be"
                + " administratoren sjekke lagertjeneren.", ErrorTexts.message(Language.NB, e));
        assertEquals("Lagertenaren for funn og brukarar svarar ikkje no, eller han avviste passordet. Prøv igjen om litt, eller be"
                + " administratoren sjekke lagertenaren.", ErrorTexts.message(Language.NN, e));
        assertFalse(no.evidens.pipeline.store.StoreUnreachable.in(new IllegalStateException("a full disk")), "another failure is not the server's");
    }

    @Test
    void aRoleRefusedSaysWhatItWasRefused() {
        CaseAccess reader = new CaseAccess("leser", false, false, Map.of("fjordvik-2026", Role.READER), "t");
        ApiError write = assertThrows(ApiError.class,
                () -> reader.require("fjordvik-2026", Permission.WRITE_FINDINGS));
        assertEquals(403, write.status());
        assertEquals("Rollen Leser i saken fjordvik-2026 gir ikke lov til å opprette, endre eller slette funn og sitater.",
                ErrorTexts.message(Language.NB, write));
        assertEquals("Rolla Lesar i saka fjordvik-2026 gir ikkje lov til å opprette, endre eller slette funn og sitat.",
                ErrorTexts.message(Language.NN, write));
        CaseAccess auditor = new CaseAccess("revisor", false, false, Map.of("fjordvik-2026", Role.AUDITOR), "t");
        assertEquals("Rollen Revisor i saken fjordvik-2026 gir ikke lov til å lese revisjonssporet eller endre medlemmene.",
                ErrorTexts.message(Language.NB, assertThrows(ApiError.class,
                        () -> auditor.require("fjordvik-2026", Permission.MANAGE_MEMBERS))));
        // every permission has its words in both catalogues (a permission added without them would end the sentence in a key)
        for (Permission p : Permission.values()) {
            ApiError e = new ApiError(403, "error.access.role", new ApiError.Word("ui.role.reader"), "c", new ApiError.Word(CaseAccess.action(p)));
            for (Language l : Language.values()) {
                String said = ErrorTexts.message(l, e);
                assertTrue(said.contains(" til å ") && !said.contains("error."), p + " in " + l + ": " + said);
            }
        }
    }

    @Test
    void aValueThatIsAWordIsWordedToo() {
        ApiError role = new ApiError(403, "error.access.role", new ApiError.Word("ui.role.reader"), "fjordvik-2026",
                new ApiError.Word("error.access.to.export"));
        assertEquals("Rollen Leser i saken fjordvik-2026 gir ikke lov til å eksportere rapporten.", ErrorTexts.message(Language.NB, role));
        assertEquals("Rolla Lesar i saka fjordvik-2026 gir ikkje lov til å eksportere rapporten.", ErrorTexts.message(Language.NN, role));
        // the day in Norwegian form and the server's zone (the auditors'): 23.30 UTC on 30 November is 1 December in Oslo
        java.time.Instant closedAt = java.time.Instant.parse("2026-11-30T23:30:00Z");
        String day = java.time.format.DateTimeFormatter.ofPattern("d.M.yyyy").format(closedAt.atZone(java.time.ZoneId.systemDefault()));
        assertEquals("Saka fjordvik-2026 vart lukka av leder " + day + " og kan berre lesast.", ErrorTexts.message(Language.NN,
                new CaseClosed("fjordvik-2026", "leder", closedAt)));
    }

    @Test
    void noServerPathInAnyMessage() {
        assertEquals("Det er ingen dokument å søkje i enno: les inn ein bunke først.",
                ErrorTexts.message(Language.NN, new NoIndexException("/home/kari/evidens-data/index")));
        assertEquals("Funnlageret er i bruk av en annen prosess akkurat nå: prøv igjen om litt.", ErrorTexts.message(Language.NB,
                new StoreInUse("the findings store in /tmp/evidens/findings is in use by another process; try again", null)));
    }

    @Test
    void aStoreANewerEvidensUpgradedIsSaidAsSuch() {
        // an older server left running while a newer Evidens upgraded the home's store
        StoreTooNew e = new StoreTooNew("the findings store has schema version 12, newer than this Evidens knows (11): use a newer Evidens");
        assertEquals("Funnlageret er oppgradert av en nyere Evidens enn den som kjører her: be administratoren stoppe denne og starte den nyere.",
                ErrorTexts.message(Language.NB, e));
        assertEquals("Funnlageret er oppgradert av ein nyare Evidens enn den som køyrer her: be administratoren stoppe denne og starte den nyare.",
                ErrorTexts.message(Language.NN, e));
    }

    @Test
    void theFindingsStoresRefusalsAreWordedFromTheirKeys() {
        assertEquals("Gruppa tilsyn-2026 finst allereie.", ErrorTexts.message(Language.NN,
                new FindingsRefusal("error.group.exists", "there is a group tilsyn-2026 already", "tilsyn-2026")));
        assertEquals("«feil» er ikke en type funn: bruk avvik, merknad eller observasjon.", ErrorTexts.message(Language.NB,
                assertThrows(IllegalArgumentException.class, () -> FindingKind.of("feil"))));
        assertEquals("manifest.csv linje 3: typen «brev» er ukjent (bruk ein av journal, plan).", ErrorTexts.message(Language.NN,
                new BundleRefused("error.bundle.manifest-type", "english", null, 3, "brev", "journal, plan")));
        assertEquals("manifest.csv mangler kolonnen «fil» (eller «path»). Godtatte kolonnenavn, engelsk (norsk): "
                + no.evidens.pipeline.bundle.ManifestColumns.accepted() + ".", ErrorTexts.message(Language.NB, new BundleRefused(
                        "error.bundle.manifest-path", "english", null, no.evidens.pipeline.bundle.ManifestColumns.accepted())));
    }

    @Test
    void anExceptionWithoutAKeyIsNeverShownInItsOwnWords() {
        String refused = ErrorTexts.message(Language.NB, new IllegalArgumentException("the thing at /srv/evidens/home is not valid"));
        String notNow = ErrorTexts.message(Language.NN, new IllegalStateException("cannot open the findings store in C:\\evidens: locked"));
        for (String m : List.of(refused, notNow)) {
            assertFalse(m.contains("/srv") || m.contains("C:") || m.contains("the ") || m.contains("cannot"), m);
        }
        assertTrue(refused.startsWith("Tjeneren avviste dette"), refused);
        assertTrue(notNow.startsWith("Dette kan ikkje gjerast no"), notNow);
        assertEquals("Tenaren avviste dette: sjekk det du skreiv inn og prøv igjen, eller be administratoren sjå i loggen.",
                ErrorTexts.message(Language.NN, new FindingsRefusal("error.no-such-key", "english")),
                "a key the catalogue lacks is a refusal without a key");
    }

    /** A full disk met by the audit trail's line (a search, a journal shown) is told apart from a change not saved. */
    @Test
    void aReadingRefusedForItsTrailLineOnAFullDiskIsNotToldAsAChangeNotSaved() {
        java.io.IOException full = new java.io.IOException("No space left on device");
        assertEquals("error.disk-full.trail", ApiFailures.diskFullKey(new no.evidens.pipeline.findings.TrailNotWritten(full)));
        assertEquals("error.disk-full", ApiFailures.diskFullKey(new IllegalStateException("the findings store failed", full)));
        for (Language l : Language.values()) {
            String said = no.evidens.pipeline.lang.Texts.of(l).get("error.disk-full.trail");
            assertTrue(said.startsWith("Disken på t") && said.contains("revisjonssporet"), said);
        }
    }
}
