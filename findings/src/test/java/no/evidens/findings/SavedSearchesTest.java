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
