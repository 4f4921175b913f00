package no.evidens.pipeline.findings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.findings.FindingStore;
import no.evidens.findings.HistoryEntry;
import no.evidens.findings.trail.AuditEntry;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.findings.trail.AuditTrail;
import no.evidens.findings.trail.TrailCheck;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.bundle.DocumentTypes;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.NationalIds;
import no.evidens.pipeline.store.HomeStores;

/**
 * The audit trail of a home, as the command line and the web workspace write and read it: who was
 * shown which journal or client record, who searched for what, who exported, who changed which
 * finding. Kept in the findings store ({@link no.evidens.findings.trail.AuditTrail}), its latest hashes
 * in {@code <home>/audit-chain.log}. The actor is always a parameter: the front end says who acts.
 * Never records document text; a search's query text is recorded (a national identity number in it masked), its hits
 * are not.
 */
public final class AuditService {
    /** The file outside the database that anchors the chain. */
    public static final String CHAIN_FILE = "audit-chain.log";
    /** The document types whose every showing is recorded. */
    private static final Set<String> SENSITIVE = Set.of(DocumentTypes.JOURNAL, DocumentTypes.KLIENTDOKUMENTASJON);

    private final EvidensHome home;
    private final Duration lockWait;
    private final TrailWriter writer;

    public AuditService(EvidensHome home, Duration lockWait) {
        this(home, lockWait, null);
    }

    /**
     * @param writer the long-lived writer a server appends entries with (group commits on a store kept open),
     *               or null to open the store for each entry (the command line)
     */
    public AuditService(EvidensHome home, Duration lockWait, TrailWriter writer) {
        this.home = home;
        this.lockWait = lockWait;
        this.writer = writer;
    }

    public Path chainFile() {
        return home.root().resolve(CHAIN_FILE);
    }

    /** Whether showing a document of this type is recorded. */
    public static boolean sensitive(String documentType) {
        return documentType != null && SENSITIVE.contains(documentType);
    }

    /** Records anything (the other parts record sign-ins and membership changes with this). */
    public AuditEntry record(AuditEvent event) {
        if (writer != null) {
            return writer.record(event);
        }
        try (FindingStore store = open()) {
            return store.trail(chainFile()).record(event);
        }
    }

    /** Records several entries, in order: with the store opened once (the command line), or queued together (a server). */
    public List<AuditEntry> recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (writer != null) {
            return writer.recordAll(events);
        }
        try (FindingStore store = open()) {
            return store.trail(chainFile()).recordAll(events);
        }
    }

    public AuditEntry record(String actor, String action, String caseId, String targetKind, String target, String detail) {
        return record(new AuditEvent(actor, action, caseId, targetKind, target, detail));
    }

    /** Records that a whole document was shown, when it is a journal or client record. */
    public void documentShown(String actor, String caseId, String docId, String type, String via) {
        if (sensitive(type)) {
            record(actor, "show-document", caseId, AuditEvent.FILE, docId, type + ", " + via);
        }
    }

    /** Records that a passage (and its neighbours) was shown, when its document is a journal or client record. */
    public void passageShown(String actor, String caseId, String passageId, String type, String via) {
        if (sensitive(type)) {
            record(actor, "show-passage", caseId, AuditEvent.PASSAGE, passageId, type + ", " + via);
        }
    }

    /**
     * Records that findings were shown with quotations from journals or client records (one entry per
     * showing, naming the findings and the documents quoted).
     */
    public void quotationsShown(String actor, String caseId, List<FindingOut> findings, String via) {
        quotationsShownEvent(actor, caseId, findings, via).ifPresent(this::record);
    }

    /** The entry {@link #quotationsShown} records, if any: to record many cases' together ({@link #recordAll}). */
    public java.util.Optional<AuditEvent> quotationsShownEvent(String actor, String caseId, List<FindingOut> findings, String via) {
        java.util.Set<String> refs = new java.util.LinkedHashSet<>();
        java.util.Set<String> docs = new java.util.LinkedHashSet<>();
        for (FindingOut f : findings) {
            for (EvidenceOut e : f.evidence()) {
                if (e.citation() != null && sensitive(e.citation().type())) {
                    refs.add(f.ref());
                    docs.add(e.citation().docId());
                }
            }
        }
        if (refs.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new AuditEvent(actor, "show-quotations", caseId, AuditEvent.FINDING, String.join(" ", refs),
                "siterer " + String.join(" ", docs) + ", " + via));
    }

    /** The document of a passage a history line names ({@code "passageId":"case/doc/12"}). */
    private static final Pattern HISTORY_DOCUMENT = Pattern.compile(
            "\"(?:passageId|lastPassageId)\"\\s*:\\s*\"[^\"/]+/([^\"/]+)/");

    /**
     * Records that findings' history was shown: its lines hold each quotation's words as attached, so, like
     * {@link #quotationsShown}, one entry naming the findings and the documents their history quotes. The history keeps no
     * document type, so every quoted document is named (a governance document too: the trail errs on the side of naming).
     */
    public void historyShown(String actor, String caseId, List<HistoryEntry> history, String via) {
        java.util.Set<String> refs = new java.util.LinkedHashSet<>();
        java.util.Set<String> docs = new java.util.LinkedHashSet<>();
        for (HistoryEntry h : history) {
            for (String json : new String[] {h.before(), h.after()}) {
                Matcher m = HISTORY_DOCUMENT.matcher(json == null ? "" : json);
                while (m.find()) {
                    docs.add(m.group(1));
                    refs.add(h.findingRef());
                }
            }
        }
        refs.remove(null);
        if (!docs.isEmpty()) {
            record(actor, "show-quotations", caseId, AuditEvent.FINDING, String.join(" ", refs),
                    "siterer " + String.join(" ", docs) + ", " + via);
        }
    }

    /**
     * Records a search: its query and filters, never its hits. A fødselsnummer, D- or H-number typed into the search is
     * written masked ({@code [fødselsnummer]}): the trail is append-only and outlives the records a case deletes when its
     * time is up, so a national identity number written into it could never be taken out again.
     */
    public void searched(String actor, String caseId, String query, String filters, int hits) {
        record(searchEvent(actor, caseId, query, filters, hits));
    }

    /**
     * Records a search over several cases (all of one's own, a case filter naming some, a group's): one line in each case
     * whose passages it found, with that case's hits, so the trail each case's lead reads says who searched in it; a search
     * that found nothing in any case is one line of no case. Recorded under no case, such a search was in no case's trail,
     * though its hits showed the case's journals.
     *
     * @param hitsByCase the hits in each case searched (cases with none may be left out)
     */
    public void searched(String actor, Map<String, Integer> hitsByCase, String query, String filters) {
        List<AuditEvent> events = new ArrayList<>();
        new TreeMap<>(hitsByCase).forEach((caseId, hits) -> {
            if (hits != null && hits > 0) {
                events.add(searchEvent(actor, caseId, query, filters, hits));
            }
        });
        if (events.isEmpty()) {
            events.add(searchEvent(actor, null, query, filters, 0));
        }
        recordAll(events);
    }

    private static AuditEvent searchEvent(String actor, String caseId, String query, String filters, int hits) {
        return new AuditEvent(actor, "search", caseId, null, null, NationalIds.mask("«" + query + "»"
                + (filters == null || filters.isBlank() ? "" : " " + filters)) + ", " + hits + " treff");
    }

    /**
     * Records a check of a case's quotations ({@code verify-quotations}), before it starts: it reads every quoted source
     * file again. {@code via} says where it was run ({@code arbeidsflaten}, {@code evidens verify}).
     */
    public void quotationsChecked(String actor, String caseId, String via) {
        this.record(actor, "verify-quotations", caseId, null, null, via); // "this." lets the catalogue test find the action
    }

    /** Records an export of a case's findings. */
    public void exported(String actor, String caseId, String format, boolean anonymised, String name) {
        record(actor, "export", caseId, AuditEvent.EXPORT, name, format + (anonymised ? ", anonymisert" : ", ikke anonymisert"));
    }

    /**
     * The trail of a case (or of everything), oldest first.
     *
     * @param caseId the case, or null for all
     * @param actor  only this person's entries, or null
     * @param since  from this instant on, or null
     */
    public List<AuditEntry> entries(String caseId, String actor, Instant since) {
        try (FindingStore store = open()) {
            return store.trail(chainFile()).entries(caseId, actor, since);
        }
    }

    /** Checks the whole trail against its hashes and the chain file. */
    public TrailCheck verify() {
        return verify(List.of());
    }

    /**
     * Checks the whole trail against its hashes, the home's chain file and other homes' (on a store server every home that
     * writes the trail anchors its own entries in its own file).
     */
    public TrailCheck verify(List<Path> otherChains) {
        try (FindingStore store = open()) {
            AuditTrail trail = store.trail(chainFile()).alsoAnchoredIn(otherChains);
            return (shared() ? trail.sharedWithOtherHomes() : trail).verify();
        }
    }

    /**
     * Whether other homes may write this trail too (its store is on a store server): their entries are anchored in their own
     * chain files, not in this home's, which is not a sign of a lost line.
     */
    public boolean shared() {
        return HomeStores.of(home).onServer();
    }

    private FindingStore open() {
        return HomeStores.of(home).findings(lockWait);
    }
}
