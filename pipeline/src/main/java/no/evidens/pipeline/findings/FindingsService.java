package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.FindingStore;
import no.evidens.findings.HistoryEntry;
import no.evidens.findings.ReviewStep;
import no.evidens.findings.StaleFinding;
import no.evidens.findings.trail.AuditEvent;
import no.evidens.index.SearchHit;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.Refusal;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.store.HomeStores;

/**
 * The findings of a home's cases and their quotations: every change and look-up the command line and
 * the web workspace make, written once. Front ends parse their input, call this and format what it
 * returns. A mistake the person can fix is an {@link IllegalArgumentException} (a {@link NotFound}
 * when what they named is not there); the store is opened for each call and closed after it.
 */
public final class FindingsService {
    private final EvidensHome home;
    private final SearcherSource index;
    private final Duration lockWait;
    private final Quotations quotations;
    private final TrailWriter trailWriter;
    private final QuotationCache quoted;

    /**
     * @param index    the evidence index's searcher, lent for each call that reads it
     * @param lockWait how long to wait while another process has the store open
     */
    public FindingsService(EvidensHome home, SearcherSource index, Duration lockWait) {
        this(home, index, lockWait, null, new QuotationCache(storeDir(home)));
    }

    private FindingsService(EvidensHome home, SearcherSource index, Duration lockWait, TrailWriter trailWriter, QuotationCache quoted) {
        this.home = home;
        this.index = index;
        this.lockWait = lockWait;
        this.quotations = new Quotations(index, new Receipts(home.receipts()));
        this.trailWriter = trailWriter;
        this.quoted = quoted;
    }

    /** The findings store of a home: {@code <home>/findings/}. */
    public static Path storeDir(EvidensHome home) {
        return home.root().resolve("findings");
    }

    FindingStore open() {
        return HomeStores.of(home).findings(lockWait);
    }

    private boolean hasStore() {
        return HomeStores.of(home).hasFindings();
    }

    /** A finding and one of its quotations. */
    /** Where a quotation stands after an attach or a move; {@code changed} false for a move to where it already was. */
    public record Placed(FindingOut finding, EvidenceOut item, boolean changed) {
    }

    /** A finding that quotes a passage. */
    public record UsedBy(String ref, String label, long item) {
    }

    /** A quotation taken from a document: its span there, and the finding it belongs to. */
    public record Quoted(long item, String ref, String label, String title, int start, int end) {
    }

    /** The cases that have findings. */
    public List<String> cases() {
        if (!hasStore()) {
            return List.of();
        }
        try (FindingStore store = open()) {
            return store.cases();
        }
    }

    /**
     * Creates a finding; with a first quotation, creates it and attaches the quotation as one
     * transaction (a quotation that cannot be attached leaves no finding behind).
     *
     * @param first the quotation to attach, or null
     */
    public FindingOut create(String caseId, FindingKind kind, FindingDraft draft, Attachment first, String actor) throws IOException {
        EvidenceDraft evidence = first == null ? null : quotations.resolve(caseId, first);
        try (FindingStore store = open()) {
            FindingOut created;
            if (evidence == null) {
                created = CaseExports.finding(store.create(caseId, kind, draft, actor), List.of(), null);
            } else {
                EvidenceItem item = store.createWithEvidence(caseId, kind, draft, evidence, actor);
                created = out(store, store.findingById(item.findingId()).orElseThrow());
            }
            audited(store, actor, "finding-create", caseId, created.ref(), evidence == null ? null : "med sitat fra " + evidence.docId());
            return created;
        }
    }

    /** Changes a finding's title, requirements, text or status (null fields stay). */
    public FindingOut edit(String caseId, String ref, FindingDraft changes, String actor) {
        return edit(caseId, ref, changes, actor, null);
    }

    /**
     * Changes a finding's title, requirements, text or status (null fields stay).
     *
     * @param version the version the change was made on, or null for the one stored now
     * @throws StaleChange when the finding has changed since that version
     */
    public FindingOut edit(String caseId, String ref, FindingDraft changes, String actor, Integer version) {
        try (FindingStore store = open()) {
            Finding f = findingOf(store, caseId, ref);
            FindingOut after = out(store, stale(store, () -> store.edit(f, changes, actor, version)));
            audited(store, actor, "finding-edit", caseId, after.ref(), "versjon " + after.version());
            return after;
        }
    }

    /**
     * Takes a review step: send to review, approve (the lead only), reopen (an approved one: the lead only).
     *
     * @param lead    whether the actor is the case's lead (the web says so from the role; one local user is the lead)
     * @param version the version the step was taken on, or null
     */
    public FindingOut review(String caseId, String ref, ReviewStep step, boolean lead, String actor, Integer version) {
        try (FindingStore store = open()) {
            Finding f = findingOf(store, caseId, ref);
            FindingOut after = out(store, stale(store, () -> store.review(f, step, lead, actor, version)));
            audited(store, actor, "finding-" + step.action(), caseId, after.ref(), after.status() + ", versjon " + after.version());
            return after;
        }
    }

    /** Runs a change; a stale one is refused with the finding as it is now. */
    private static <T> T stale(FindingStore store, java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } catch (StaleFinding e) {
            throw new StaleChange(e.getMessage(), out(store, e.current()), e.given());
        }
    }

    /** Deletes a finding and its quotations; returns it as it was. */
    public FindingOut delete(String caseId, String ref, String actor) {
        return delete(caseId, ref, actor, null);
    }

    /** Deletes a finding and its quotations, when it is still at this version (or null: any); returns it as it was. */
    public FindingOut delete(String caseId, String ref, String actor, Integer version) {
        try (FindingStore store = open()) {
            Finding f = findingOf(store, caseId, ref);
            FindingOut before = out(store, f);
            stale(store, () -> {
                store.delete(f, actor, version);
                return f;
            });
            audited(store, actor, "finding-delete", caseId, before.ref(), null);
            return before;
        }
    }

    /**
     * Puts findings at a place in the case's report, one after the other in the order named: the report (every export, the
     * findings page) shows them there and numbers each kind in that order; their references stay. Each one moved is in its
     * history and the audit trail ({@code finding-order}).
     *
     * @param refs     the findings to move, in the order they are to stand
     * @param position the place of the first (1 = first; past the end: last)
     * @param version  the version the move was asked on (one finding only), or null
     * @return the case's findings in their new order
     */
    public List<FindingOut> order(String caseId, List<String> refs, int position, String actor, Integer version) {
        if (position < 1) {
            throw new Refusal("error.order.position", "the place is counted from 1 (the first in the report): "
                    + position, position);
        }
        try (FindingStore store = open()) {
            List<Finding> moving = new ArrayList<>();
            for (String ref : refs) {
                moving.add(findingOf(store, caseId, ref));
            }
            List<Finding> before = store.findings(caseId);
            List<Finding> after = stale(store, () -> store.order(moving, position, actor, version));
            List<FindingOut> out = new ArrayList<>();
            for (Finding f : after) {
                out.add(out(store, f));
                boolean moved = moving.stream().anyMatch(m -> m.id() == f.id())
                        && before.stream().anyMatch(b -> b.id() == f.id() && b.position() != f.position());
                if (moved) {
                    audited(store, actor, "finding-order", caseId, f.ref(), "plass " + f.position() + ", " + f.label()
                            + ", versjon " + f.version());
                }
            }
            return out;
        }
    }

    /** The findings of a case with their quotations. */
    public List<FindingOut> list(String caseId) {
        try (FindingStore store = open()) {
            List<FindingOut> out = new ArrayList<>();
            for (Finding f : store.findings(caseId)) {
                out.add(out(store, f));
            }
            return out;
        }
    }

    /**
     * The findings of several cases with their quotations, by case in the order given, read with the store opened once:
     * a nationwide audit's overview reads 357 cases' findings.
     */
    public Map<String, List<FindingOut>> list(Collection<String> caseIds) {
        Map<String, List<FindingOut>> out = new LinkedHashMap<>();
        try (FindingStore store = open()) {
            for (String caseId : caseIds) {
                List<FindingOut> findings = new ArrayList<>();
                for (Finding f : store.findings(caseId)) {
                    findings.add(out(store, f));
                }
                out.put(caseId, findings);
            }
        }
        return out;
    }

    /** One finding with its quotations. */
    public FindingOut show(String caseId, String ref) {
        try (FindingStore store = open()) {
            return out(store, findingOf(store, caseId, ref));
        }
    }

    /** Attaches a quotation at the end of a finding's list, after checking it against the index. */
    public Placed attach(String caseId, String ref, Attachment attachment, String actor) throws IOException {
        try (FindingStore store = open()) {
            Finding f = findingOf(store, caseId, ref);
            EvidenceItem item = store.attach(f, quotations.resolve(caseId, attachment), actor);
            audited(store, actor, "quotation-attach", caseId, f.ref(), "#" + item.id() + " fra " + item.evidence().docId());
            return placed(store, item, true);
        }
    }

    /** Removes a quotation from its finding; returns the finding after. */
    public FindingOut detach(String caseId, long itemId, String actor) {
        try (FindingStore store = open()) {
            EvidenceItem item = itemOfCase(store, caseId, itemId);
            store.detach(item.id(), actor);
            FindingOut after = out(store, store.findingById(item.findingId()).orElseThrow());
            audited(store, actor, "quotation-detach", caseId, after.ref(), "#" + item.id());
            return after;
        }
    }

    /**
     * Moves a quotation to another position and/or another finding of the case.
     *
     * @param toRef    the finding to move it to, or null to keep it in its own
     * @param position its new position (1 = first), or null for the end of {@code toRef}
     */
    public Placed move(String caseId, long itemId, String toRef, Integer position, String actor) {
        try (FindingStore store = open()) {
            EvidenceItem item = itemOfCase(store, caseId, itemId);
            Finding target = toRef == null ? null : findingOf(store, caseId, toRef);
            EvidenceItem after = store.move(item.id(), target, position, actor);
            boolean changed = after.findingId() != item.findingId() || after.position() != item.position();
            Placed moved = placed(store, after, changed);
            if (changed) {
                // a move to where it already was changed nothing: nothing for the trail either
                audited(store, actor, "quotation-move", caseId, moved.finding().ref(), "#" + item.id() + " til plass " + moved.item().position());
            }
            return moved;
        }
    }

    /** The history of a case's findings, or (with a ref) of one finding, oldest first. */
    public List<HistoryEntry> history(String caseId, String ref) {
        try (FindingStore store = open()) {
            Long findingId = ref == null ? null : findingOf(store, caseId, ref).id();
            return store.history(caseId, findingId);
        }
    }

    /**
     * For each hit's passage: the findings whose quotations start in, end in or run through it. The quotations
     * of each case are kept between calls ({@link QuotationCache}): a search does not open the store unless a
     * finding changed since.
     */
    public Map<String, List<UsedBy>> usedBy(List<SearchHit> hits) {
        Map<String, List<UsedBy>> out = new LinkedHashMap<>();
        if (hits.isEmpty() || !hasStore()) {
            return out;
        }
        TreeSet<String> cases = new TreeSet<>();
        hits.forEach(h -> cases.add(h.caseId()));
        Map<String, List<QuotationCache.Quote>> all = quoted.all(this::readQuotes);
        for (String c : cases) {
            for (QuotationCache.Quote q : all.getOrDefault(c, List.of())) {
                for (SearchHit h : hits) {
                    if (q.covers(h.passageId())) {
                        out.computeIfAbsent(h.passageId(), k -> new ArrayList<>()).add(new UsedBy(q.ref(), q.label(), q.item()));
                    }
                }
            }
        }
        return out;
    }

    /** The quotations of the case's findings taken from one document. */
    public List<Quoted> evidenceIn(String caseId, String docId) {
        List<Quoted> out = new ArrayList<>();
        if (!hasStore()) {
            return out;
        }
        for (QuotationCache.Quote q : quoted.all(this::readQuotes).getOrDefault(caseId, List.of())) {
            if (docId.equals(q.docId())) {
                out.add(new Quoted(q.item(), q.ref(), q.label(), q.title(), q.start(), q.end()));
            }
        }
        return out;
    }

    /** The quotations of every case as the store holds them now: by finding in order, each finding's in order. */
    private Map<String, List<QuotationCache.Quote>> readQuotes() {
        Map<String, List<QuotationCache.Quote>> out = new LinkedHashMap<>();
        try (FindingStore store = open()) {
            for (String caseId : store.cases()) {
                List<QuotationCache.Quote> quotes = new ArrayList<>();
                for (Finding f : store.findings(caseId)) {
                    for (EvidenceItem item : store.evidence(f.id())) {
                        EvidenceDraft e = item.evidence();
                        quotes.add(new QuotationCache.Quote(f.ref(), f.label(), f.title(), item.id(), e.passageId(), e.lastPassageId(),
                                e.docId(), e.start(), e.end()));
                    }
                }
                out.put(caseId, List.copyOf(quotes));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- shared steps

    /**
     * The finding a reference names.
     *
     * @throws NotFound when the case has no such finding
     * @throws IllegalArgumentException when the reference is malformed
     */
    static Finding findingOf(FindingStore store, String caseId, String ref) {
        try {
            return store.finding(caseId, ref);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("case ") ? new NotFound(e.getMessage(), "error.finding-unknown", caseId, ref)
                    : new Refusal("error.finding-ref", e.getMessage(), ref);
        }
    }

    private static EvidenceItem itemOfCase(FindingStore store, String caseId, long id) {
        EvidenceItem item;
        try {
            item = store.item(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound.UnknownItem(e.getMessage(), id, caseId, null);
        }
        Finding f = store.findingById(item.findingId())
                .orElseThrow(() -> new NotFound.UnknownItem("there is no evidence item #" + id, id, caseId, null));
        if (!f.caseId().equals(caseId)) {
            throw new NotFound.UnknownItem("evidence item #" + id + " belongs to case " + f.caseId() + ", not " + caseId, id, caseId, f.caseId());
        }
        return item;
    }

    private static FindingOut out(FindingStore store, Finding f) {
        return CaseExports.finding(f, store.evidence(f.id()), null);
    }

    private static Placed placed(FindingStore store, EvidenceItem item, boolean changed) {
        FindingOut f = out(store, store.findingById(item.findingId()).orElseThrow());
        EvidenceOut e = f.evidence().stream().filter(x -> x.id() == item.id()).findFirst().orElseThrow();
        return new Placed(f, e, changed);
    }

    /** The audit trail of the home. */
    public AuditService audit() {
        return new AuditService(home, lockWait, trailWriter);
    }

    /**
     * The same service, with the audit trail appended by a long-lived writer (a server's), not by opening
     * the store for each entry.
     */
    public FindingsService withTrailWriter(TrailWriter writer) {
        return new FindingsService(home, index, lockWait, writer, quoted);
    }

    /** Records a change of a finding in the audit trail, in the store already open. */
    private void audited(FindingStore store, String actor, String action, String caseId, String ref, String detail) {
        // every change of a finding or a quotation comes here after its commit: what was kept of them is out of date
        quoted.changed();
        store.trail(home.root().resolve(AuditService.CHAIN_FILE))
                .record(new AuditEvent(actor, action, caseId, AuditEvent.FINDING, ref, detail));
    }

    /** Export, import and verification of whole cases. */
    public CaseReports reports() {
        return new CaseReports(home, index, this::open, quoted::changed);
    }
}
