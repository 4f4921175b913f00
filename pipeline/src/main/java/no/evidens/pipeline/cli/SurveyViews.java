package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.group.GroupOverview;
import no.evidens.pipeline.group.GroupQuotations;
import no.evidens.pipeline.group.GroupReport;
import no.evidens.pipeline.group.GroupReportDocx;
import no.evidens.pipeline.group.GroupReportXlsx;
import no.evidens.pipeline.group.GroupSearch;
import no.evidens.pipeline.group.GroupService;

/** The {@code survey} commands that read a group: search, overview, choose (for the report) and report. */
final class SurveyViews {
    private SurveyViews() {
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Search every case of a group.",
                    "Besides the search's own fields, kommune:NAME and fylke:NAME (in the query or as --filter) narrow it "
                            + "to municipalities and counties; an empty query lists every passage."})
    static final class Search extends SurveyAction {
        @Parameters(index = "0", paramLabel = "GROUP", description = "The group.")
        String group;
        @Parameters(index = "1..*", paramLabel = "QUERY", arity = "0..*", description = "What to search for.")
        List<String> query = new ArrayList<>();
        @Option(names = "--filter", paramLabel = "DIM:VALUE", description = "A facet filter: kommune:, fylke:, type:, indicator:, lov:, … (repeatable).")
        List<String> filters = new ArrayList<>();
        @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most hits to show (default: ${DEFAULT-VALUE}).")
        int limit;
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        /** What an empty query is called in the hits' heading. */
        static final String EVERY_PASSAGE = "(no query: every passage of the group)";

        @Override
        public Integer call() throws Exception {
            GroupSearch.Result r = opts.service().search(group, null, String.join(" ", query), filters, limit, 0, SearchRequest.Order.RELEVANCE);
            if (json) {
                return json(r);
            }
            // The group's facets (kommune and fylke from the group's map, the case facet cut to the group) in place of the index's.
            SearchResult s = r.result();
            // an empty query is run as a query every passage matches: said as what it is, not in the index's words
            String said = GroupSearch.ALL_PASSAGES.equals(s.query()) ? EVERY_PASSAGE : s.query();
            new Output(out(), System.console() != null).searchResult(new SearchResult(said, s.total(), s.tookMs(), s.hits(), r.facets(),
                    s.relaxed()));
            return 0;
        }
    }

    @Command(name = "overview", mixinStandardHelpOptions = true,
            description = "Findings by legal requirement, indicators across the municipalities, and the municipalities with no finding.")
    static final class Overview extends SurveyAction {
        @Parameters(paramLabel = "GROUP", description = "The group.")
        String group;
        @Option(names = "--json", description = "Print the whole overview (every cell) as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            GroupOverview o = opts.service().overview(group, null);
            if (json) {
                return json(o);
            }
            PrintWriter out = out();
            GroupOverview.Totals t = o.totals();
            out.printf("%s (%s): %d municipalities, %d with avvik, %d with merknader only, %d with no finding; %d avvik, %d %s%n%n",
                    o.title(), o.group(), t.municipalities(), t.withAvvik(), t.withMerknadOnly(), t.withoutFindings(), t.avvik(), t.merknader(),
                    t.merknader() == 1 ? "merknad" : "merknader");
            out.printf("%-44s %6s %8s%n", "requirement", "avvik", "merknad");
            for (GroupOverview.RequirementRow r : o.requirements()) {
                out.printf("%-44s %6d %8d%n", r.requirement(), r.avvik().size(), r.merknad().size());
            }
            out.printf("%n%-44s %8s %8s %14s%n", "indicator", "passages", "findings", "municipalities");
            for (GroupOverview.IndicatorRow i : o.indicators()) {
                long places = i.cells().values().stream().filter(c -> c.passages() > 0).count();
                out.printf("%-44s %8d %8d %14d%n", i.label(), i.passages(), i.findings(), places);
            }
            out.println();
            out.println("No finding: " + (o.withoutFindings().isEmpty() ? "none" : String.join(", ", o.withoutFindings())));
            out.flush();
            return 0;
        }
    }

    @Command(name = "quotations", mixinStandardHelpOptions = true,
            description = {"The quotations of the group's avvik and merknader by requirement, with their item numbers; * marks those chosen.",
                    "--fylke, --kommune, --requirement, --kind and --chosen narrow them (as the workspace's quotations page does); "
                            + "--limit and --offset show a part. The last line counts them."})
    static final class Quotations extends SurveyAction {
        @Parameters(paramLabel = "GROUP", description = "The group.")
        String group;
        @Option(names = "--fylke", paramLabel = "COUNTY", description = "Only the municipalities of this county.")
        String county;
        @Option(names = "--kommune", paramLabel = "MUNICIPALITY",
                description = "Only this municipality (its name, or with its county as the overview names it: \"Våler (Innlandet)\").")
        String municipality;
        @Option(names = "--requirement", paramLabel = "REQUIREMENT",
                description = "Only the findings on this legal requirement, as the overview cites it (\"barnevernloven § 15-8\").")
        String requirement;
        @Option(names = "--kind", paramLabel = "KIND", description = "Only avvik or only merknad.")
        String kind;
        @Option(names = "--chosen", description = "Only the quotations chosen for the report.")
        boolean chosenOnly;
        @Option(names = "--limit", paramLabel = "N", description = "Show at most N (default: all).")
        Integer limit;
        @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N (default: ${DEFAULT-VALUE}).")
        int offset;
        @Option(names = "--json", description = "Print the page as JSON (the workspace's /api/groups/GROUP/quotations).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if ((limit != null && limit < 1) || offset < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit is at least 1 and --offset at least 0");
            }
            GroupQuotations.Page page = opts.service().quotations(group, null, opts.user(), "evidens survey quotations",
                    new GroupQuotations.Filter(county, municipality, requirement, kind, chosenOnly), offset, limit == null ? Integer.MAX_VALUE : limit);
            if (json) {
                return json(page);
            }
            PrintWriter out = out();
            String last = null;
            for (GroupService.Candidate c : page.items()) {
                if (!c.requirement().equals(last)) {
                    out.println(c.requirement());
                    last = c.requirement();
                }
                out.printf("  %s #%-5d %s, %s: «%s»%n", c.chosen() ? "*" : " ", c.item(), c.place(), c.label(), c.quote());
            }
            out.println(counted(page));
            out.flush();
            return 0;
        }

        /** «Quotations 1–50 of 84 (1203 in the group), 3 chosen for the report», or without a range when all are listed. */
        static String counted(GroupQuotations.Page page) {
            int shown = page.items().size();
            String of = page.matched() == page.total() ? "" : " (" + page.total() + " in the group)";
            if (page.matched() == 0) {
                return "No quotation matches" + of;
            }
            String which = shown == page.matched() ? (shown == 1 ? "1 quotation" : shown + " quotations")
                    : shown == 0 ? "No quotation from number " + (page.offset() + 1) + " on: " + page.matched() + " in all"
                    : "Quotations " + (page.offset() + 1) + "–" + (page.offset() + shown) + " of " + page.matched();
            return which + of + ", " + page.chosen() + " chosen for the report";
        }
    }

    @Command(name = "choose", mixinStandardHelpOptions = true,
            description = {"Choose a quotation (its item number, see: evidens survey quotations) for the group's summary report, or --undo.",
                    "The choice is the group's: a case in two groups has its own choices in each."})
    static final class Choose extends SurveyAction {
        @Parameters(index = "0", paramLabel = "GROUP", description = "The group whose report quotes it.")
        String group;
        @Option(names = "--case", paramLabel = "CASE", required = true, description = "The case the quotation is in.")
        String caseId;
        @Parameters(index = "1", paramLabel = "ITEM", description = "The quotation's item number.")
        long item;
        @Option(names = "--undo", description = "Take the mark away.")
        boolean undo;

        @Override
        public Integer call() {
            opts.service().choose(group, caseId, item, !undo, opts.user());
            return say("Quotation #%d of %s %s the summary report of %s", item, caseId, undo ? "is no longer chosen for" : "is chosen for", group);
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Export the group's summary report: DOCX (counts, tables, bar charts, the chosen quotations) or XLSX (the tables).",
                    "Never holds a fødselsnummer; --anonymise also takes names out of the quotations."})
    static final class Report extends SurveyAction {
        @Parameters(paramLabel = "GROUP", description = "The group.")
        String group;
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write; .docx or .xlsx.")
        Path out;
        @Option(names = "--format", paramLabel = "FORMAT", description = "docx or xlsx (default: from the file's name).")
        String format;
        @Option(names = "--anonymise", description = "Replace names and other personal data in the quotations.")
        boolean anonymise;

        @Override
        public Integer call() throws Exception {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            String f = format != null ? format.toLowerCase(Locale.ROOT) : name.endsWith(".xlsx") ? "xlsx" : name.endsWith(".docx") ? "docx" : "";
            if (!f.equals("docx") && !f.equals("xlsx")) {
                throw new IllegalArgumentException("the report is docx or xlsx: name the file .docx or .xlsx, or give --format");
            }
            GroupService service = opts.service();
            GroupReport report = service.report(group, null, anonymise, opts.user());
            // as evidens export does: a folder not there yet is made, and a failed or concurrent write never leaves a half report
            CaseExports.atomically(out, f.equals("docx") ? tmp -> GroupReportDocx.write(report, tmp) : tmp -> GroupReportXlsx.write(report, tmp));
            service.exported(report, f, out.getFileName().toString(), opts.user());
            return say("Wrote the summary report of %s (%d municipalities, %s) to %s", group, report.overview().municipalities().size(),
                    anonymise ? "anonymised" : "not anonymised", out);
        }
    }
}
