package no.evidens.pipeline.findings;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.evidens.findings.CaseLifecycle;
import no.evidens.findings.EvidenceDraft;
import no.evidens.findings.EvidenceItem;
import no.evidens.findings.Finding;
import no.evidens.findings.FindingStore;
import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.ingest.DocIds;

/**
 * Re-checks every quotation of a case against the indexed text (the same characters at the same
 * offsets) and against its source file (the same SHA-256). Nothing is changed: what no longer holds
 * is reported, and the auditor decides.
 */
final class Verifier {
    /** One quotation to check, read from the store: its finding, the item, and the deletion of its source if there was one. */
    record Quoted(Finding finding, EvidenceItem item, CaseLifecycle.DeletedSource deleted) {
    }

    private final EvidenceIndex index;
    private final String bundleOverride;

    /**
     * @param index          the evidence index, or null when there is none (then every quotation is reported)
     * @param bundleOverride where the bundle is now (folder or .zip), or null to use where each file was ingested from
     */
    Verifier(EvidenceIndex index, String bundleOverride) {
        this.index = index;
        this.bundleOverride = bundleOverride;
    }

    /** Every quotation of the case, in the order of its findings and their items (read at once, so the store can be let go). */
    static List<Quoted> quoted(FindingStore store, String caseId) {
        List<Quoted> out = new ArrayList<>();
        java.util.Map<String, CaseLifecycle.DeletedSource> deleted = store.lifecycle().deletedSources(caseId);
        for (Finding f : store.findings(caseId)) {
            for (EvidenceItem item : store.evidence(f.id())) {
                out.add(new Quoted(f, item, deleted.get(item.evidence().docId())));
            }
        }
        return out;
    }

    /** Checks the quotations in order, telling {@code progress} after each. */
    List<Verification> verify(List<Quoted> quoted, CaseReports.Progress progress) throws IOException {
        List<Verification> out = new ArrayList<>();
        progress.checked(0, quoted.size());
        try (SourceFiles sources = SourceFiles.isolated()) {
            for (Quoted q : quoted) {
                out.add(q.deleted() != null ? deletedSource(q.finding(), q.item(), q.deleted()) : verify(q.finding(), q.item(), sources));
                progress.checked(out.size(), quoted.size());
            }
        }
        return out;
    }

    private Verification verify(Finding f, EvidenceItem item, SourceFiles sources) throws IOException {
        EvidenceDraft e = item.evidence();
        List<String> problems = new ArrayList<>();
        String status = Verification.OK;
        boolean indexed = true;
        Verification.NewContent newContent = null;
        Optional<IndexedDocument> doc = index == null ? Optional.empty() : index.document(f.caseId(), e.docId());
        if (doc.isEmpty()) {
            problems.add(index == null ? "there is no evidence index to check the text against"
                    : "the document is no longer in the index");
            status = Verification.VANISHED;
            indexed = false;
        } else {
            String text = doc.get().text();
            if (e.end() > text.length() || !text.substring(e.start(), e.end()).equals(e.quote())) {
                problems.add("the indexed text at " + e.start() + "–" + e.end() + " is no longer the quotation");
                status = Verification.CHANGED;
                indexed = false;
            }
            if (!e.sha256().equals(doc.get().sha256())) {
                problems.add("the indexed document has another SHA-256 than the one quoted");
                status = Verification.CHANGED;
                indexed = false;
            }
        }
        SourceFiles.Source source = sources.hash(bundleOverride != null ? bundleOverride
                : KeptBundles.where(e.sourceBundle(), e.file(), e.sha256()), e.file());
        switch (source.status()) {
            case SourceFiles.Source.FOUND -> {
                if (!source.sha256().equals(e.sha256())) {
                    problems.add("the source file has changed (SHA-256 " + abbreviate(source.sha256()) + ", quoted from "
                            + abbreviate(e.sha256()) + ")");
                    if (!e.file().contains("!/")) {
                        // a document inside a container has an id of its container's new content too: not looked up
                        newContent = newContent(f.caseId(), e, source.sha256());
                        problems.add(newContentProblem(newContent));
                    }
                    status = worse(status, Verification.CHANGED);
                }
            }
            case SourceFiles.Source.MISSING -> {
                problems.add(source.detail());
                status = worse(status, Verification.VANISHED);
            }
            default -> {
                problems.add(source.detail());
                status = worse(status, Verification.UNCHECKED);
            }
        }
        return new Verification(f.ref(), item.id(), item.position(), e.file(), e.start(), e.end(), status, problems,
                doc.map(d -> normaliserNote(e.normaliserVersion(), d.normaliserVersion())).orElse(null), sourceState(source, e),
                indexed, newContent);
    }

    /**
     * Whether the source's new content (a corrected file sent in place of the one quoted) is in the case too, and
     * whether it still holds the quoted words: the quotation itself stays as quoted, from the earlier content.
     */
    private Verification.NewContent newContent(String caseId, EvidenceDraft e, String sha256) throws IOException {
        String docId = DocIds.ofFile(sha256);
        Optional<IndexedDocument> now = index == null ? Optional.empty() : index.document(caseId, docId)
                .filter(d -> sha256.equals(d.sha256()));
        if (now.isEmpty()) {
            return new Verification.NewContent(Verification.NewContent.ABSENT, null, null, null);
        }
        int at = now.get().text().indexOf(e.quote());
        return at < 0 ? new Verification.NewContent(Verification.NewContent.LACKS, docId, null, null)
                : new Verification.NewContent(Verification.NewContent.HOLDS, docId, at, at + e.quote().length());
    }

    /** The new content's line as the command line has always said it. */
    private static String newContentProblem(Verification.NewContent n) {
        if (Verification.NewContent.ABSENT.equals(n.state())) {
            return "the new content is not in the case: ingest the bundle again to compare it with the quotation";
        }
        String doc = "the new content is in the case (document " + abbreviate(n.docId()) + ")";
        return n.start() == null ? doc + " but does not hold the quoted words: read it, and attach from it what holds now"
                : doc + " and holds the quoted words at characters " + n.start() + "–" + n.end();
    }

    /** What became of the source file, as {@link Verification#source()} says it. */
    private static String sourceState(SourceFiles.Source source, EvidenceDraft e) {
        return switch (source.status()) {
            case SourceFiles.Source.FOUND -> source.sha256().equals(e.sha256()) ? Verification.SOURCE_SAME : Verification.SOURCE_CHANGED;
            case SourceFiles.Source.MISSING -> Verification.SOURCE_MISSING;
            default -> Verification.SOURCE_UNCHECKED;
        };
    }

    /** A quotation whose source was deleted on purpose: not checked, not called changed. */
    private static Verification deletedSource(Finding f, EvidenceItem item, CaseLifecycle.DeletedSource d) {
        EvidenceDraft e = item.evidence();
        return new Verification(f.ref(), item.id(), item.position(), e.file(), e.start(), e.end(), Verification.SOURCE_DELETED,
                List.of("the source (" + d.type() + ") was deleted by " + d.deletedBy() + " on " + d.deletedAt().toString().substring(0, 10)
                        + " when its time was up; the quotation is kept as it was quoted"), null, null, true, null);
    }

    /** What to say when a quotation was made under another normaliser version than the indexed text's; else null. */
    static String normaliserNote(String quoted, String indexed) {
        if (java.util.Objects.equals(quoted, indexed)) {
            return null;
        }
        return (quoted == null ? "quoted before normaliser versions were recorded" : "quoted under normaliser version " + quoted)
                + "; the indexed text is of " + (indexed == null ? "an unrecorded version" : "version " + indexed);
    }

    private static String worse(String a, String b) {
        List<String> order = List.of(Verification.OK, Verification.UNCHECKED, Verification.CHANGED, Verification.VANISHED);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    private static String abbreviate(String sha) {
        return sha.substring(0, Math.min(12, sha.length())) + "…";
    }
}
