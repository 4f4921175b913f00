package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import no.evidens.index.SearchHit;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.ingest.Receipt;
import no.evidens.pipeline.ingest.ReceiptFile;
import no.evidens.pipeline.search.Snippets;

/** Human-readable output of receipts and search results. */
final class Output {
    private static final String BOLD = "\u001b[1m";
    private static final String PLAIN = "\u001b[0m";
    /** How many values of a facet a search prints, those with most hits; {@code --json} has them all. */
    static final int FACET_VALUES = 20;

    private final PrintWriter out;
    private final boolean ansi;

    Output(PrintWriter out, boolean ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    void receipt(Receipt r) {
        // files of the bundle whose path was in the case with other content (the documents inside them not counted again)
        long newVersions = r.files().stream().filter(f -> f.newVersionOf() != null && !f.path().contains("!/")).count();
        out.printf("Case %s, bundle %s: %d indexed, %d duplicate, %d failed, %d container%s%s%n", r.caseId(), r.bundle(),
                r.counts().indexed(), r.counts().duplicate(), r.counts().failed(), r.counts().containers(),
                r.counts().containers() == 1 ? "" : "s",
                (newVersions == 0 ? "" : ", " + newVersions + " new version" + (newVersions == 1 ? "" : "s"))
                        + (r.counts().skipped() == 0 ? "" : ", " + r.counts().skipped() + " skipped"));
        long missing = r.files().stream().filter(f -> Reason.MISSING.text().equals(f.reason())).count();
        if (missing > 0) {
            out.printf("%d of the failed %s listed in manifest.csv but not in the bundle%n", missing,
                    missing == 1 ? "is" : "are");
        }
        for (ReceiptFile f : r.files()) {
            String detail = switch (f.status()) {
                case ReceiptFile.INDEXED -> f.reason() != null ? f.reason()
                        : f.pages() + " page" + (f.pages() == 1 ? "" : "s") + ", " + f.passages() + " passage" + (f.passages() == 1 ? "" : "s");
                default -> f.detail() == null ? f.reason() : f.reason() + "; " + f.detail();
            };
            if (f.newVersionOf() != null) {
                detail = detail + "; new version of " + f.newVersionOf();
            }
            out.printf("  %-9s %-20s %s  (%s)%n", f.status(), f.type(), oneLine(f.path()), oneLine(detail));
        }
        out.flush();
    }

    /** What {@code show} and {@code document} say of an earlier version: the document that holds the newest. */
    static String newerVersion(String caseId, no.evidens.pipeline.search.MarkedDocument.Newer newer) {
        return "A newer version of " + oneLine(newer.file()) + " is in the case: document " + caseId + "/" + newer.docId()
                + " (this earlier one is left out of search; search --all-versions finds it)";
    }

    /**
     * A file's name or detail on one line of the receipt: a line break in a file name (allowed on Linux) is shown as
     * {@code \n} or {@code \r}, so that each file stays one line for whoever reads or greps the receipt; the JSON
     * receipt keeps the name as it is.
     */
    static String oneLine(String text) {
        return text == null ? null : text.replace("\r", "\\r").replace("\n", "\\n");
    }

    void searchResult(SearchResult r) {
        searchResult(r, 1);
    }

    /** The hits numbered from {@code first}: a page after {@code --offset 10} goes on at 11, not at 1 again. */
    void searchResult(SearchResult r, int first) {
        out.printf("%d hit%s for %s (%d ms)%n", r.total(), r.total() == 1 ? "" : "s", r.query(), r.tookMs());
        if (r.relaxed() && r.allWords() == 0) {
            out.println("No passage holds all the words; these hold some of them, the most first.");
        } else if (r.relaxed()) {
            out.println("Only " + r.allWords() + " passage" + (r.allWords() == 1 ? " holds" : "s hold")
                    + " all the words; after them come passages that hold some of them, the most first.");
        }
        int n = first;
        for (SearchHit h : r.hits()) {
            out.println();
            out.printf("%d. %s, page %d, characters %d–%d  [%s, case %s]  %s%n", n++, h.file(), h.page(), h.start(),
                    h.end(), h.type(), h.caseId(), h.passageId());
            out.println("   " + Snippets.marked(h, ansi ? BOLD : "[", ansi ? PLAIN : "]"));
        }
        if (!r.hits().isEmpty()) {
            out.println();
            r.facets().forEach((dim, values) -> {
                if (values.size() > FACET_VALUES) {
                    // a nationwide group's 357 municipalities and cases filled the screen: those with most hits, and a count
                    Map<String, Integer> top = new LinkedHashMap<>();
                    values.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(FACET_VALUES)
                            .forEach(e -> top.put(e.getKey(), e.getValue()));
                    out.println(dim + ": " + top + " and " + (values.size() - FACET_VALUES) + " more (--json lists them all)");
                } else if (!values.isEmpty()) {
                    out.println(dim + ": " + values);
                }
            });
        }
        out.flush();
    }
}
