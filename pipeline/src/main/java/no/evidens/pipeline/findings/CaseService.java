package no.evidens.pipeline.findings;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

import no.evidens.findings.CaseClosed;
import no.evidens.findings.CaseLifecycle;
import no.evidens.findings.CaseLifecycle.Closed;
import no.evidens.findings.CaseLifecycle.DeletedSource;
import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.index.EvidenceSink;
import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.bundle.DocumentTypes;
import no.evidens.pipeline.page.PageImages;
import no.evidens.pipeline.store.HomeStores;

/**
 * The end of a case: the lead closes it (read-only from then on: no ingestion, no changes of findings)
 * and, when their time is up, deletes its journals and client records: their index documents with
 * their passages, and their files in the bundles. The findings keep their quotations; their sources are
 * marked deleted, so verify says so. Both steps are in the audit trail.
 */
public final class CaseService {
    /** The document types deleted when their time is up. */
    public static final Set<String> RECORD_TYPES = Set.of(DocumentTypes.JOURNAL, DocumentTypes.KLIENTDOKUMENTASJON);

    private final EvidensHome home;
    private final Duration lockWait;

    public CaseService(EvidensHome home, Duration lockWait) {
        this.home = home;
        this.lockWait = lockWait;
    }

    /** One deleted record and what happened to its file ({@code source} for the command line, {@code sourceBokmal} for the trail). */
    public record Deleted(String docId, String file, String type, String source, String sourceBokmal) {
    }

    /**
     * Closes the case.
     *
     * @param lead whether the actor leads the case (only the lead closes it)
     */
    public Closed close(String caseId, String actor, boolean lead) {
        requireLead(lead, "close");
        try (FindingStore store = open()) {
            Closed closed = store.lifecycle().close(caseId, actor);
            store.trail(home.root().resolve(AuditService.CHAIN_FILE))
                    .record(new AuditEvent(actor, "case-close", caseId, AuditEvent.CASE, caseId, null));
            return closed;
        }
    }

    /** Whether the case is closed. */
    public Optional<Closed> closed(String caseId) {
        if (!HomeStores.of(home).hasFindings()) {
            return Optional.empty();
        }
        try (FindingStore store = open()) {
            return store.lifecycle().closed(caseId);
        }
    }

    /**
     * Refuses to change a closed case (ingestion, upload).
     *
     * @throws CaseClosed when it is closed
     */
    public void requireOpen(String caseId) {
        Optional<Closed> c = closed(caseId);
        if (c.isPresent()) {
            throw new CaseClosed(caseId, c.get().closedBy(), c.get().closedAt());
        }
    }

    /**
     * The audit trail's detail of a change of the case's members ({@code member-set}, {@code member-remove}): members are
     * still managed once the case is closed (a new reader of the archive, a leaver's access taken away), and the trail
     * then says the case was closed when it was made.
     *
     * @param detail the change's own detail (the role given), or null
     */
    public String memberChangeDetail(String caseId, String detail) {
        if (closed(caseId).isEmpty()) {
            return detail;
        }
        return detail == null ? CLOSED_NOTE : detail + ", " + CLOSED_NOTE;
    }

    /** What the trail adds to a change made in a closed case (Bokmål, as the trail's details). */
    static final String CLOSED_NOTE = "saken er lukket";

    /**
     * Deletes the journals and client records of a closed case: from the index, their files from the
     * bundles they were ingested from, and the page images rendered of them.
     *
     * @param lead whether the actor leads the case
     */
    public List<Deleted> deleteRecords(String caseId, String actor, boolean lead) throws IOException {
        requireLead(lead, "delete the records of");
        if (closed(caseId).isEmpty()) {
            throw new IllegalStateException("case " + caseId + " is open: close it first (evidens case close --case " + caseId + ")");
        }
        List<IndexedDocument> gone;
        // the home's engine: on SolrCloud the records are deleted from the collection (before round 50 (b) a local index was
        // opened beside it, and nothing was deleted from the archive)
        // (the embedded writer through IndexBackend.embeddedWriter, which marks its release for a waiting upload)
        try (EvidenceSink index = IndexBackend.of(home).openSink()) {
            gone = index.deleteDocuments(caseId, RECORD_TYPES);
            index.commit();
        }
        Receipts receipts = new Receipts(home.receipts());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Deleted> out = new ArrayList<>();
        List<DeletedSource> sources = new ArrayList<>();
        for (IndexedDocument d : gone) {
            String bundle = receipts.bundleOf(caseId, d.file(), d.sha256()).orElse(null);
            SortedSet<String> sharing = bundle == null ? Collections.emptySortedSet()
                    : receipts.otherCasesHolding(caseId, bundle, d.file());
            StoredSources.Outcome source = sharing.isEmpty() ? StoredSources.delete(bundle, d.file()) : StoredSources.heldBy(sharing);
            PageImages.forget(home, d.sha256());
            out.add(new Deleted(d.docId(), d.file(), d.type(), source.english(), source.bokmal()));
            sources.add(new DeletedSource(d.docId(), d.file(), d.type(), d.sha256(), actor, now));
        }
        try (FindingStore store = open()) {
            CaseLifecycle lifecycle = store.lifecycle();
            lifecycle.sourcesDeleted(caseId, sources);
            var trail = store.trail(home.root().resolve(AuditService.CHAIN_FILE));
            for (Deleted d : out) {
                trail.record(new AuditEvent(actor, "record-delete", caseId, AuditEvent.FILE, d.docId(), d.type() + ", fil " + d.sourceBokmal()));
            }
            trail.record(new AuditEvent(actor, "records-delete", caseId, AuditEvent.CASE, caseId, recordsDeleted(out.size())));
        }
        return out;
    }

    /** The case entry's detail: how many journals and client records were deleted, in Bokmål, one in the singular. */
    static String recordsDeleted(int n) {
        return n == 1 ? "1 journal eller klientdokument" : n + " journaler og klientdokumenter";
    }

    private static void requireLead(boolean lead, String what) {
        if (!lead) {
            throw new IllegalStateException("only the case's lead can " + what + " a case");
        }
    }

    private FindingStore open() {
        return HomeStores.of(home).findings(lockWait);
    }
}
