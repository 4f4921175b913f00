package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
    void quotationsChosenForTheReportAreMarkedPerGroup() {
        try (FindingStore store = FindingStore.open(dir)) {
            Finding f = store.create(Drafts.CASE, FindingKind.AVVIK, Drafts.finding("Avvik"), "kari");
            EvidenceItem one = store.attach(f, Drafts.evidence(1), "kari");
            EvidenceItem two = store.attach(f, Drafts.evidence(2), "kari");
            CaseGroups groups = store.groups();
            // the case is in two groups (a nationwide audit and a regional one)
            for (String g : List.of("landstilsyn-2026", "nord-2026")) {
                groups.create(g, g, "kari");
                groups.add(g, new CaseGroups.Member(Drafts.CASE, "Testkommune", "Nordland"), "kari");
            }
            groups.create("tom-2026", "Uten saken", "kari");
            groups.choose("landstilsyn-2026", one.id(), true, "kari");
            groups.choose("landstilsyn-2026", two.id(), true, "kari");
            groups.choose("nord-2026", two.id(), true, "kari");
            groups.choose("landstilsyn-2026", two.id(), false, "kari");
            assertEquals(Set.of(one.id()), groups.chosen("landstilsyn-2026"));
            assertEquals(Set.of(two.id()), groups.chosen("nord-2026"), "choosing for one group leaves the other's choices as they were");
            assertThrows(IllegalArgumentException.class, () -> groups.choose("tom-2026", one.id(), true, "kari"),
                    "a quotation of a case outside the group");
            assertThrows(IllegalArgumentException.class, () -> groups.choose("ingen", one.id(), true, "kari"), "a group that does not exist");
            assertThrows(IllegalArgumentException.class, () -> groups.choose("nord-2026", 99_999, true, "kari"));
            assertTrue(groups.chosen("tom-2026").isEmpty());
            // a case taken out of a group takes its choices there out of the report
            groups.remove("nord-2026", Drafts.CASE);
            assertTrue(groups.chosen("nord-2026").isEmpty());
            assertEquals(Set.of(one.id()), groups.chosen("landstilsyn-2026"));
        }
    }

    /** A member of some of a group's cases is told of the choices in those cases only (the ids tell which quotations exist). */
    @Test
    void theChoicesOfTheCasesAUserReadsAreAnsweredAlone() {
        try (FindingStore store = FindingStore.open(dir)) {
            EvidenceItem mine = store.attach(store.create("a-2026", FindingKind.AVVIK, Drafts.finding("Avvik"), "kari"), Drafts.evidence("a-2026", 1), "kari");
            EvidenceItem theirs = store.attach(store.create("b-2026", FindingKind.AVVIK, Drafts.finding("Avvik"), "kari"), Drafts.evidence("b-2026", 2), "kari");
            CaseGroups groups = store.groups();
            groups.create("landstilsyn-2026", "Landsomfattende", "kari");
            groups.add("landstilsyn-2026", new CaseGroups.Member("a-2026", "Aslo", "Vestland"), "kari");
            groups.add("landstilsyn-2026", new CaseGroups.Member("b-2026", "Bakkestad", "Agder"), "kari");
            groups.choose("landstilsyn-2026", mine.id(), true, "kari");
            groups.choose("landstilsyn-2026", theirs.id(), true, "kari");
            assertEquals(Set.of(mine.id()), groups.chosen("landstilsyn-2026", Set.of("a-2026")));
            assertTrue(groups.chosen("landstilsyn-2026", Set.of()).isEmpty());
            assertEquals(Set.of(mine.id(), theirs.id()), groups.chosen("landstilsyn-2026", null), "null: every case (the single user)");
        }
    }

    /**
     * A store written by the schema before choices were per group (version 8: one mark per quotation) keeps every choice:
     * carried into each group its case is in, so a report made before the upgrade quotes the same after it.
     */
    @Test
    void choicesMadeBeforeTheyWerePerGroupAreCarriedIntoEveryGroupOfTheirCase() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(FindingStore.DB_NAME), "evidens", "")) {
            c.setAutoCommit(false);
            assertEquals(8, Migrations.migrate(c, 8));
            try (Statement s = c.createStatement()) {
                for (String caseId : List.of("a-2026", "b-2026", "alene-2026")) {
                    s.execute("INSERT INTO finding (case_id, kind, number, title, text, status, created_by, created_at, updated_by, updated_at)"
                            + " VALUES ('" + caseId + "', 'avvik', 1, 'Avvik', 'Tekst', 'utkast', 'kari', CURRENT_TIMESTAMP, 'kari', CURRENT_TIMESTAMP)");
                    s.execute("INSERT INTO evidence (finding_id, position, passage_id, last_passage_id, doc_id, start_offset, end_offset, quote,"
                            + " title, file, type, page, end_page, sha256, stance, filters, added_by, added_at)"
                            + " SELECT id, 1, 'p', 'p', 'd', 0, 5, 'Sitat', 'T', 'f.txt', 'journal', 1, 1, REPEAT('0', 64), 'supports', '{}', 'kari',"
                            + " CURRENT_TIMESTAMP FROM finding WHERE case_id = '" + caseId + "'");
                    s.execute("INSERT INTO report_choice (evidence_id, chosen_by, chosen_at) SELECT e.id, 'per', TIMESTAMP WITH TIME ZONE"
                            + " '2026-11-30 10:00:00+00' FROM evidence e JOIN finding f ON f.id = e.finding_id WHERE f.case_id = '" + caseId + "'");
                }
                for (String g : List.of("landstilsyn-2026", "nord-2026")) {
                    s.execute("INSERT INTO case_group (id, title, created_by, created_at) VALUES ('" + g + "', '" + g + "', 'kari', CURRENT_TIMESTAMP)");
                }
                // a-2026 in both groups, b-2026 in the nationwide one, alene-2026 in none
                for (String[] m : new String[][] {{"landstilsyn-2026", "a-2026"}, {"nord-2026", "a-2026"}, {"landstilsyn-2026", "b-2026"}}) {
                    s.execute("INSERT INTO group_case (group_id, case_id, municipality, county, added_by, added_at) VALUES ('" + m[0] + "', '"
                            + m[1] + "', 'K', 'F', 'kari', CURRENT_TIMESTAMP)");
                }
            }
            c.commit();
        }
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(Migrations.latest(), store.schemaVersion());
            long a = store.evidence(store.findings("a-2026").get(0).id()).get(0).id();
            long b = store.evidence(store.findings("b-2026").get(0).id()).get(0).id();
            CaseGroups groups = store.groups();
            assertEquals(Set.of(a, b), groups.chosen("landstilsyn-2026"));
            assertEquals(Set.of(a), groups.chosen("nord-2026"));
            // from now on each group's choice is its own
            groups.choose("nord-2026", a, false, "kari");
            assertEquals(Set.of(a, b), groups.chosen("landstilsyn-2026"));
        }
    }
}
