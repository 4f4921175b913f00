package no.evidens.pipeline.search;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import no.evidens.findings.FindingStore;
import no.evidens.findings.SavedSearches;
import no.evidens.findings.SavedSearches.Saved;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.export.NationalIds;
import no.evidens.pipeline.findings.AuditService;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.store.HomeStores;

/** A case's saved searches and the language of its exports, kept in the home's findings store. */
public final class SavedSearchService {
    /** The audit trail's kind of target of a saved search's change. */
    public static final String TARGET = "saved-search";

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

    /**
     * Saves a search (replacing the one of that name: the actor's own, or anyone's with {@code othersToo}) and records it in
     * the audit trail: {@code saved-search-save}, or {@code saved-search-replace} when one was saved under the name before.
     *
     * @throws no.evidens.findings.SavedSearchNotYours when the name's search is someone else's and {@code othersToo} is false
     */
    public Saved save(String caseId, String name, String query, List<String> filters, long hits, String actor, boolean othersToo) {
        try (FindingStore store = open()) {
            SavedSearches.Saving s = store.savedSearches().save(caseId, name, query, filters, hits, actor, othersToo);
            String action = s.replaced().isPresent() ? "saved-search-replace" : "saved-search-save";
            record(store, actor, action, s.saved());
            return s.saved();
        }
    }

    /**
     * Deletes one (the actor's own, or anyone's with {@code othersToo}) and records it in the audit trail
     * ({@code saved-search-delete}).
     *
     * @return false when the case has no such saved search
     * @throws no.evidens.findings.SavedSearchNotYours when someone else saved it and {@code othersToo} is false
     */
    public boolean delete(String caseId, long id, String actor, boolean othersToo) {
        try (FindingStore store = open()) {
            Optional<Saved> deleted = store.savedSearches().delete(caseId, id, actor, othersToo);
            deleted.ifPresent(d -> record(store, actor, "saved-search-delete", d));
            return deleted.isPresent();
        }
    }

    /**
     * The trail's entry of a change: the search's name as target, its query (and filters) as detail, as a search's entry has;
     * a national identity number typed into either is masked, as in a search's entry (the trail is append-only).
     */
    private void record(FindingStore store, String actor, String action, Saved s) {
        String detail = s.query() + (s.filters().isEmpty() ? "" : " [" + String.join(", ", s.filters()) + "]");
        store.trail(home.root().resolve(AuditService.CHAIN_FILE))
                .record(new AuditEvent(actor, action, s.caseId(), TARGET, NationalIds.mask(s.name()), NationalIds.mask(detail)));
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
