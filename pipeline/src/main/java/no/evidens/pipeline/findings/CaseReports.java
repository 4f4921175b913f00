package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

import no.evidens.findings.FindingStore;
import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.IndexBackend;
import no.evidens.pipeline.export.Anonymiser;
import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.CaseExports;

/** A whole case at once: its export (every format, anonymised or not), its import, and the check of its quotations. */
public final class CaseReports {
    private final EvidensHome home;
    private final SearcherSource index;
    private final Supplier<FindingStore> stores;
    private final Runnable changed;

    /** @param changed told after an import has added findings and quotations */
    CaseReports(EvidensHome home, SearcherSource index, Supplier<FindingStore> stores, Runnable changed) {
        this.home = home;
        this.index = index;
        this.stores = stores;
        this.changed = changed;
    }

    /** How an import went. */
    public record Imported(String caseId, int findings) {
    }

    /**
     * The case as exported; anonymised, the names found elsewhere in each quotation's document are
     * replaced too (when there is an index to read it from).
     *
     * @throws NotFound when the case has no findings
     */
    public CaseExport export(String caseId, boolean anonymise, String actor) {
        if (anonymise) {
            return anonymised(caseId, actor).export();
        }
        try (FindingStore store = stores.get()) {
            requireFindings(store, caseId);
            return CaseExports.read(store, caseId, actor, null, null);
        }
    }

    private static void requireFindings(FindingStore store, String caseId) {
        if (store.findings(caseId).isEmpty()) {
            throw new NotFound("case " + caseId + " has no findings (see: evidens finding create --help)", "error.no-findings", caseId);
        }
    }

    /**
     * The case anonymised, as {@link #export} makes it, and the findings whose own title or text hold a name the export
     * masked (the auditor's words are not anonymised: {@link no.evidens.pipeline.export.OwnWords}).
     *
     * @throws NotFound when the case has no findings
     */
    public CaseExports.Anonymised anonymised(String caseId, String actor) {
        try (FindingStore store = stores.get()) {
            requireFindings(store, caseId);
            if (!IndexBackend.of(home).mayHaveIndex()) {
                return CaseExports.anonymised(store, caseId, actor, Anonymiser.withNameModel(), null);
            }
            try (SearcherSource.Lease lease = index.lease()) {
                return CaseExports.anonymised(store, caseId, actor, Anonymiser.withNameModel(), lease.searcher());
            }
        }
    }

    /**
     * Imports a case exported as JSON (not anonymised), under its own case id; a quotation whose personal number the export
     * masked is read again from this home's index, where the case's bundle must be ingested.
     */
    public Imported importFile(Path file, String actor) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no file " + file);
        }
        try (FindingStore store = stores.get()) {
            String caseId;
            // the index gives back the text of a quotation the export masked a personal number in
            if (!IndexBackend.of(home).mayHaveIndex()) {
                caseId = CaseExports.importFile(store, file, actor, null);
            } else {
                try (SearcherSource.Lease lease = index.lease()) {
                    caseId = CaseExports.importFile(store, file, actor, lease.searcher());
                }
            }
            changed.run();
            return new Imported(caseId, store.findings(caseId).size());
        }
    }

    /** Told as a check goes: how many of the case's quotations are checked, of how many. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        void checked(int done, int total);
    }

    /**
     * Re-checks every quotation of a case against the index and its source file.
     *
     * @param bundle where the case's bundle is now, or null for where each file was ingested from
     */
    public List<Verification> verify(String caseId, String bundle) throws IOException {
        return verify(caseId, bundle, Progress.NONE);
    }

    /**
     * Checks the case's quotations as {@link #verify(String, String, Progress)} does and keeps the outcome as the case's
     * last check ({@link CheckRecords}), whoever runs it: the command line's check and the workspace's see each other's.
     * A check that fails is kept too, beside the last finished one ({@link FailedCheck}), and its exception goes on.
     */
    public LastCheck check(String caseId, String bundle, String by, Progress progress) throws IOException {
        Instant started = Instant.now();
        List<Verification> results;
        try {
            results = verify(caseId, bundle, progress);
        } catch (IOException | RuntimeException e) {
            records().keepFailed(caseId, FailedCheck.of(by, started, Instant.now(), e));
            throw e;
        }
        LastCheck done = LastCheck.of(caseId, by, started, Instant.now(), results);
        records().keep(done);
        return done;
    }

    /** The case's last finished check of its quotations, kept in the home; empty when there is none. */
    public Optional<LastCheck> lastCheck(String caseId) {
        return records().last(caseId);
    }

    /** The case's check that failed after its last finished one, kept in the home; empty when none did. */
    public Optional<FailedCheck> failedCheck(String caseId) {
        return records().failed(caseId);
    }

    /**
     * What an export says of the case's last check: when it was, how it went, and whether a bundle brought new content
     * into the case after it began.
     */
    public CheckNote checkNote(String caseId) throws IOException {
        LastCheck last = lastCheck(caseId).orElse(null);
        int added = 0;
        if (last != null) {
            Set<Long> checked = last.quotations().stream().map(Verification::item).collect(Collectors.toSet());
            try (FindingStore store = stores.get()) {
                added = (int) Verifier.quoted(store, caseId).stream().filter(q -> !checked.contains(q.item().id())).count();
            }
        }
        Instant ingested = last == null ? null : new Receipts(home.receipts()).newContentSince(caseId, last.startedAt()).orElse(null);
        return new CheckNote(last, ingested, added, failedCheck(caseId).orElse(null));
    }

    private CheckRecords records() {
        return new CheckRecords(home.checks());
    }

    /**
     * As {@link #verify(String, String)}, telling {@code progress} after each quotation. The findings store is held only
     * while the quotations are read, not while their files are hashed (a container is opened by a Tika worker, which can
     * take its time limit), so the other requests and commands are not kept from it meanwhile.
     */
    public List<Verification> verify(String caseId, String bundle, Progress progress) throws IOException {
        List<Verifier.Quoted> quoted;
        try (FindingStore store = stores.get()) {
            quoted = Verifier.quoted(store, caseId);
        }
        if (!IndexBackend.of(home).mayHaveIndex()) {
            return new Verifier(null, bundle).verify(quoted, progress);
        }
        try (SearcherSource.Lease lease = index.lease()) {
            return new Verifier(lease.searcher(), bundle).verify(quoted, progress);
        }
    }
}
