package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseGroupsTest {
    @TempDir
    Path dir;

    @Test
    void aGroupKeepsItsCasesWithMunicipalityAndCountyAcrossReopening() {
        try (FindingStore store = FindingStore.open(dir)) {
            CaseGroups groups = store.groups();
            groups.create("tilsyn-2026", "Landsomfattende tilsyn 2026", "kari");
            groups.add("tilsyn-2026", new CaseGroups.Member("b-2026", "Bakkestad", "Innlandet"), "kari");
            groups.add("tilsyn-2026", new CaseGroups.Member("a-2026", "Aslo", "Vestland"), "kari");
            groups.add("tilsyn-2026", new CaseGroups.Member("b-2026", "Bakkestad", "Agder"), "kari");
            assertThrows(IllegalArgumentException.class, () -> groups.create("tilsyn-2026", "igjen", "kari"), "ids are unique");
            assertThrows(IllegalArgumentException.class, () -> groups.create("Tilsyn 2026", "x", "kari"), "ids are checked");
            assertThrows(IllegalArgumentException.class,
                    () -> groups.add("ingen", new CaseGroups.Member("a", "A", "B"), "kari"), "the group must exist");
        }
        try (FindingStore store = FindingStore.open(dir)) {
            CaseGroups.Group g = store.groups().group("tilsyn-2026").orElseThrow();
            assertEquals("Landsomfattende tilsyn 2026", g.title());
            assertEquals(List.of(new CaseGroups.Member("b-2026", "Bakkestad", "Agder"), new CaseGroups.Member("a-2026", "Aslo", "Vestland")),
                    g.cases(), "a case added again is changed, not doubled; ordered by county and municipality");
            assertEquals(List.of("b-2026"), store.groups().remove("tilsyn-2026", "a-2026").caseIds());
            assertEquals(1, store.groups().list().size());
        }
    }

    @Test
    void quotationsChosenForTheReportAreMarkedPerCase() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding f = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Avvik"), "kari");
            EvidenceItem one = store.attach(f, Drafts.evidence(1), "kari");
            EvidenceItem two = store.attach(f, Drafts.evidence(2), "kari");
            CaseGroups groups = store.groups();
            groups.choose(one.id(), true, "kari");
            groups.choose(two.id(), true, "kari");
            groups.choose(two.id(), false, "kari");
            assertEquals(Set.of(one.id()), groups.chosen(List.of(Drafts.CASE)));
            assertTrue(groups.chosen(List.of("annen-sak")).isEmpty());
            assertThrows(IllegalArgumentException.class, () -> groups.choose(99_999, true, "kari"));
        }
    }
}
