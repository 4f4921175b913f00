package no.evidens.pipeline.reindex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reindex did: per case, its documents and how the tags of its passages changed in count.
 *
 * @param cases     the cases re-tagged, in the order of their ids
 * @param skipped   the cases left as they were (closed), with why
 * @param documents the documents it was to look at
 * @param done      the documents looked at (all of them, unless it was stopped)
 * @param stopped   whether a stop left documents not looked at (those keep what they had)
 * @param halted    why the index stopped taking writes during the run, which ended it there (a SolrCloud gone or
 *                  read-only); null when it took them throughout
 */
public record ReindexReport(List<CaseSummary> cases, List<Skipped> skipped, int documents, int done, boolean stopped,
                            String halted) {
    public ReindexReport {
        cases = List.copyOf(cases);
        skipped = List.copyOf(skipped);
    }

    /** How many documents were written anew, over every case. */
    public int rewritten() {
        return cases.stream().mapToInt(CaseSummary::rewritten).sum();
    }

    /** Whether some document's re-tagging failed (it keeps its old entries). */
    public boolean anyFailed() {
        return cases.stream().anyMatch(c -> !c.failed().isEmpty());
    }

    /**
     * One case.
     *
     * @param caseId         the case
     * @param documents      its documents looked at
     * @param rewritten      of them, those whose passages changed and were written anew
     * @param failed         those whose re-tagging failed: they keep their old entries
     * @param passagesBefore its passages before
     * @param passagesAfter  its passages after (a failed document's old ones counted)
     * @param passagesKept   passages after with a passage id they had before, for the same span of text
     * @param before         the tags its passages carried before
     * @param after          the tags they carry now
     */
    public record CaseSummary(String caseId, int documents, int rewritten, List<Failed> failed, int passagesBefore,
                              int passagesAfter, int passagesKept, TagCounts before, TagCounts after) {
        public CaseSummary {
            failed = List.copyOf(failed);
        }

        /** The case as the {@code reindex --json} contract has it. */
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", caseId);
            m.put("documents", documents);
            m.put("rewritten", rewritten);
            m.put("unchanged", documents - rewritten - failed.size());
            m.put("failed", failed.stream().map(f -> ordered("document", f.docId(), "file", f.file(), "reason", f.reason())).toList());
            m.put("passages", ordered("before", passagesBefore, "after", passagesAfter, "kept", passagesKept));
            Map<String, Object> tags = new LinkedHashMap<>();
            tags.put("indicators", ordered("before", before.indicators(), "after", after.indicators()));
            tags.put("quotations", ordered("before", before.quotations(), "after", after.quotations()));
            tags.put("laws", ordered("before", before.laws(), "after", after.laws()));
            m.put("tags", tags);
            m.put("indicatorChanges", before.changesTo(after));
            return m;
        }
    }

    /** A document whose re-tagging failed; {@code reason} says why (never its text). */
    public record Failed(String docId, String file, String reason) {
    }

    /** A case left as it was, and why ({@code closed}). */
    public record Skipped(String caseId, String reason) {
    }

    /** Keys and values, in the order given (the contract's fields print in a fixed order). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The {@code reindex --json} contract. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cases", cases.stream().map(CaseSummary::json).toList());
        m.put("skipped", skipped.stream().map(s -> ordered("case", s.caseId(), "reason", s.reason())).toList());
        m.put("documents", documents);
        m.put("done", done);
        m.put("stopped", stopped);
        return m;
    }
}
