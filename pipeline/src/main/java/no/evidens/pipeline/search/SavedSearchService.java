package no.evidens.pipeline.search;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import no.evidens.findings.FindingStore;
import no.evidens.findings.SavedSearches;
import no.evidens.findings.SavedSearches.Saved;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.store.HomeStores;

/** A case's saved searches and the language of its exports, kept in the home's findings store. */
public final class SavedSearchService {
    private final EvidensHome home;
    private final Duration lockWait;

    public SavedSearchService(EvidensHome home, Duration lockWait) {
        this.home = home;
        this.lockWait = lockWait;
    }

    public List<Saved> list(String caseId) {
        if (!HomeStores.of(home).hasFindings()) {
            return List.of();
        }
        try (FindingStore store = open()) {
            return store.savedSearches().list(caseId);
        }
    }

    public Saved save(String caseId, String name, String query, List<String> filters, long hits, String actor) {
        try (FindingStore store = open()) {
            return store.savedSearches().save(caseId, name, query, filters, hits, actor);
        }
    }

    public boolean delete(String caseId, long id) {
        try (FindingStore store = open()) {
            return store.savedSearches().delete(caseId, id);
        }
    }

    /** The language of the case's exports: the one chosen for it, or Bokmål. */
    public Language exportLanguage(String caseId) {
        if (!HomeStores.of(home).hasFindings()) {
            return Language.NB;
        }
        try (FindingStore store = open()) {
            Optional<String> l = store.savedSearches().language(caseId);
            return l.map(Language::of).orElse(Language.NB);
        }
    }

    public void setExportLanguage(String caseId, Language language, String actor) {
        try (FindingStore store = open()) {
            store.savedSearches().setLanguage(caseId, language.code(), actor);
        }
    }

    private FindingStore open() {
        return HomeStores.of(home).findings(lockWait);
    }
}
