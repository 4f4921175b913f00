package no.evidens.pipeline.reindex;

import java.util.ArrayList;
import java.util.List;

import no.evidens.index.Passage;

/** One case's counts while its documents are re-tagged on several threads. */
final class CaseTally {
    private final String caseId;
    private int documents;
    private int rewritten;
    private final List<ReindexReport.Failed> failed = new ArrayList<>();
    private int passagesBefore;
    private int passagesAfter;
    private int passagesKept;
    private TagCounts before = TagCounts.NONE;
    private TagCounts after = TagCounts.NONE;

    CaseTally(String caseId) {
        this.caseId = caseId;
    }

    /** A document re-tagged: its passages before and after, whether they were written anew, how many kept their id. */
    synchronized void done(List<Passage> old, List<Passage> now, boolean rewrote, int kept) {
        documents++;
        if (rewrote) {
            rewritten++;
        }
        count(old, now, kept);
    }

    /** A document whose re-tagging failed: it keeps its old passages. */
    synchronized void failed(String docId, String file, String reason, List<Passage> old) {
        documents++;
        failed.add(new ReindexReport.Failed(docId, file, reason));
        count(old, old, old.size());
    }

    private void count(List<Passage> old, List<Passage> now, int kept) {
        passagesBefore += old.size();
        passagesAfter += now.size();
        passagesKept += kept;
        before = before.plus(TagCounts.of(old));
        after = after.plus(TagCounts.of(now));
    }

    synchronized boolean any() {
        return documents > 0;
    }

    synchronized ReindexReport.CaseSummary summary() {
        List<ReindexReport.Failed> sorted = new ArrayList<>(failed);
        sorted.sort(java.util.Comparator.comparing(ReindexReport.Failed::file));
        return new ReindexReport.CaseSummary(caseId, documents, rewritten, sorted, passagesBefore, passagesAfter, passagesKept,
                before, after);
    }
}
