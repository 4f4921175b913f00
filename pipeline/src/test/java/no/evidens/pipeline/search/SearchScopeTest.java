package no.evidens.pipeline.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.findings.NotFound;

class SearchScopeTest {
    @TempDir
    Path dir;

    @Test
    void aTypeIsLowerCasedAndAFolderNameRefusedWithItsKey() {
        assertNull(SearchScope.documentType(null));
        assertEquals("journal", SearchScope.documentType("Journal"));
        Refusal r = assertThrows(Refusal.class, () -> SearchScope.documentType("journaler"));
        assertEquals("error.param.choice", r.key());
        assertEquals(List.of("type", "styringsdokument, journal, klientdokumentasjon, annet", "journaler"), r.args());
    }

    @Test
    void onlyACaseABundleWasIngestedIntoIsKnown() throws Exception {
        EvidensHome home = new EvidensHome(dir);
        Files.createDirectories(home.receipts());
        Files.writeString(home.receipts().resolve("vik-2026-1.json"), "{\"case\":\"vik-2026\"}");
        SearchScope scope = new SearchScope(home);
        scope.requireIngested("vik-2026");
        NotFound e = assertThrows(NotFound.class, () -> scope.requireIngested("vikk-2026"));
        assertEquals(SearchScope.CASE_KEY, e.key());
        assertEquals(List.of("vikk-2026"), e.args());
        assertEquals("there is no case vikk-2026 in " + dir + ": no bundle was ingested into it (the cases: vik-2026)", e.getMessage());
    }

    @Test
    void aCaseFilterIsCheckedOnlyForTheCasesWithNoHit() throws Exception {
        EvidensHome home = new EvidensHome(dir);
        Files.createDirectories(home.receipts());
        Files.writeString(home.receipts().resolve("vik-2026-1.json"), "{\"case\":\"vik-2026\"}");
        SearchScope scope = new SearchScope(home);
        // a case with hits is known without reading the receipts; an ingested case with none on the subject is too
        scope.requireIngested(List.of("dal-2026"), Map.of("dal-2026", 3));
        scope.requireIngested(List.of("vik-2026"), Map.of());
        NotFound e = assertThrows(NotFound.class,
                () -> scope.requireIngested(List.of("vik-2026", "vikk-2026"), Map.of("vik-2026", 2)));
        assertEquals(SearchScope.CASE_KEY, e.key());
        assertEquals(List.of("vikk-2026"), e.args());
    }

    @Test
    void theCasesAQueryNamesAreItsPlainCaseTermsOnly() {
        assertEquals(List.of("vik-2026", "dal-2026"), SearchScope.casesNamedIn("plan sak:vik-2026 OR (case:\"dal-2026\" tiltak)"));
        // a prefix, a fuzzy term, an excluded case or a word that merely ends in "sak" names no case
        assertEquals(List.of(), SearchScope.casesNamedIn("sak:vik* case:vik~1 -sak:dal-2026 brevsak:x plan"));
    }

    @Test
    void aQueryNamingACaseWithNoBundleIsRefusedWhenItFindsNothing() throws Exception {
        EvidensHome home = new EvidensHome(dir);
        Files.createDirectories(home.receipts());
        Files.writeString(home.receipts().resolve("vik-2026-1.json"), "{\"case\":\"vik-2026\"}");
        SearchScope scope = new SearchScope(home);
        scope.requireIngestedNamedIn("qzx sak:vik-2026");
        NotFound e = assertThrows(NotFound.class, () -> scope.requireIngestedNamedIn("plan sak:vikk-2026"));
        assertEquals(SearchScope.CASE_KEY, e.key());
        assertEquals(List.of("vikk-2026"), e.args());
    }
}
