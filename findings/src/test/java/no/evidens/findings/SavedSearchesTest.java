package no.evidens.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved searches belong to their case, keep their filters and count, survive reopening, and a name is reused. */
class SavedSearchesTest {
    @TempDir
    Path dir;

    @Test
    void savesListsReplacesAndDeletesPerCase() {
        long id;
        try (FindingStore store = FindingStore.open(dir)) {
            SavedSearches s = store.savedSearches();
            s.save("sak-a", "Koordinator", "koordinator~1", List.of("type:journal", "sitat:ja"), 12, "kari");
            s.save("sak-b", "Annen sak", "plan", List.of(), 3, "ola");
            id = s.save("sak-a", "Ansvarsgruppe", "ansvarsgruppe", List.of(), 31, "kari").id();
            s.save("sak-a", "Koordinator", "koordinator", List.of("type:journal"), 9, "kari");
        }
        try (FindingStore store = FindingStore.open(dir)) {
            List<SavedSearches.Saved> a = store.savedSearches().list("sak-a");
            assertEquals(List.of("Ansvarsgruppe", "Koordinator"), a.stream().map(SavedSearches.Saved::name).toList());
            SavedSearches.Saved k = a.get(1);
            assertEquals("koordinator", k.query(), "saved again under its name: replaced");
            assertEquals(List.of("type:journal"), k.filters());
            assertEquals(9, k.hitsSaved());
            assertEquals("kari", k.savedBy());
            assertFalse(store.savedSearches().delete("sak-b", id), "another case's search is not deleted");
            assertTrue(store.savedSearches().delete("sak-a", id));
            assertEquals(1, store.savedSearches().list("sak-a").size());
            assertEquals(1, store.savedSearches().list("sak-b").size());
        }
    }

    @Test
    void anotherMembersSearchIsChangedOnlyWithTheRightToChangeOthers() {
        try (FindingStore store = FindingStore.open(dir)) {
            SavedSearches s = store.savedSearches();
            long karis = s.save("sak", "Plan", "plan", List.of(), 4, "kari", false).saved().id();
            SavedSearchNotYours refused = assertThrows(SavedSearchNotYours.class, () -> s.save("sak", "Plan", "tiltak", List.of(), 2, "ola", false));
            assertEquals("kari", refused.savedBy());
            assertThrows(SavedSearchNotYours.class, () -> s.delete("sak", karis, "ola", false));
            assertEquals("plan", s.list("sak").get(0).query(), "refused: unchanged");
            SavedSearches.Saving again = s.save("sak", "Plan", "plan~1", List.of(), 5, "kari", false);
            assertEquals(Optional.of("plan"), again.replaced().map(SavedSearches.Saved::query), "one's own is replaced");
            SavedSearches.Saving lead = s.save("sak", "Plan", "tiltak", List.of(), 2, "lise", true);
            assertEquals("ola", s.save("sak", "Ny", "ny", List.of(), 1, "ola", false).saved().savedBy());
            assertEquals(Optional.of("tiltak"), s.delete("sak", lead.saved().id(), "lise", false).map(SavedSearches.Saved::query));
            assertEquals(List.of("Ny"), s.list("sak").stream().map(SavedSearches.Saved::name).toList());
        }
    }

    @Test
    void aNameIsRequiredAndAClosedCaseIsNotChanged() {
        try (FindingStore store = FindingStore.open(dir)) {
            assertThrows(IllegalArgumentException.class, () -> store.savedSearches().save("sak", " ", "plan", List.of(), 1, "kari"));
            store.lifecycle().close("sak", "kari");
            assertThrows(CaseClosed.class, () -> store.savedSearches().save("sak", "Plan", "plan", List.of(), 1, "kari"));
        }
    }

    @Test
    void aCaseKeepsTheLanguageOfItsExports() {
        try (FindingStore store = FindingStore.open(dir)) {
            assertEquals(Optional.empty(), store.savedSearches().language("sak"));
            store.savedSearches().setLanguage("sak", "nn", "kari");
            store.savedSearches().setLanguage("sak", "nb", "kari");
            store.savedSearches().setLanguage("sak", "nn", "kari");
            assertEquals(Optional.of("nn"), store.savedSearches().language("sak"));
        }
    }
}
