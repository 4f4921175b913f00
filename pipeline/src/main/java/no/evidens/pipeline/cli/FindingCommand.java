package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.findings.FindingDraft;
import no.evidens.findings.FindingKind;
import no.evidens.findings.HistoryEntry;
import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.export.CaseExport.EvidenceOut;
import no.evidens.pipeline.export.CaseExport.FindingOut;
import no.evidens.pipeline.export.CaseExports;
import no.evidens.pipeline.export.NationalIds;
import no.evidens.pipeline.findings.Attachment;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.Requirements;

@Command(name = "finding", mixinStandardHelpOptions = true,
        description = {"Findings of a case (avvik, merknad, observasjon) and the quotations that prove them.",
                "A finding is named by its kind and number: avvik-1, merknad-2. An evidence item by its id: #12 (see show)."},
        subcommands = {FindingCommand.Create.class, FindingCommand.Edit.class, FindingCommand.ListFindings.class,
                FindingCommand.Show.class, FindingCommand.Attach.class, FindingCommand.Detach.class, FindingCommand.Move.class,
                FindingCommand.Order.class, FindingCommand.Delete.class, FindingCommand.History.class, ReviewCommands.Submit.class, ReviewCommands.Approve.class,
                ReviewCommands.Reopen.class})
final class FindingCommand extends CommandGroup {

    /** Reads a text option: the text itself, or {@code @FILE} for a file's content. */
    static String textOf(String value) {
        if (value == null || !value.startsWith("@")) {
            return value;
        }
        Path file = Path.of(value.substring(1));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file + " (a text that starts with @ is read from that file)");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException("cannot read " + file + ": it is not UTF-8 text");
        } catch (java.io.IOException e) {
            // the JDK's message of a file it may not open is the file's name alone
            throw new IllegalArgumentException("cannot read " + file + (e instanceof java.nio.file.AccessDeniedException
                    ? ": permission denied" : ": " + e.getMessage()));
        }
    }

    static long itemId(String value) {
        String v = value.strip().replaceFirst("^#", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an evidence item: give its id, like #12 (see: evidens finding show)");
        }
    }

    static void printFinding(PrintWriter out, FindingOut f) {
        out.printf("%s (%s)  [%s, version %d]%n", f.label(), f.ref(), f.status(), f.version());
        out.println("  " + f.title());
        if (!f.requirements().isEmpty()) {
            out.println("  Lovkrav: " + String.join("; ", f.requirements().stream().map(r -> r.text()).toList()));
        }
        for (String line : f.text().split("\n")) {
            if (!line.isBlank()) {
                out.println("  " + line.strip());
            }
        }
        out.printf("  created %s by %s, updated %s by %s%n", f.createdAt(), f.createdBy(), f.updatedAt(), f.updatedBy());
        out.printf("  %d quotation%s%n", f.evidence().size(), f.evidence().size() == 1 ? "" : "s");
        for (EvidenceOut e : f.evidence()) {
            printEvidence(out, e);
        }
    }

    static void printEvidence(PrintWriter out, EvidenceOut e) {
        out.printf("  #%d  %d. %s«%s»%n", e.id(), e.position(), "contradicts".equals(e.stance()) ? "(contradicts) " : "", e.quote());
        out.printf("        %s — %s, characters %d–%d, passage %s%n", e.source(), e.citation().file(), e.citation().start(),
                e.citation().end(), e.passageId());
        if (e.provenance().query() != null) {
            out.printf("        found by: %s %s%n", e.provenance().query(), e.provenance().filters());
        }
        if (e.note() != null) {
            out.println("        note: " + e.note());
        }
    }

    static void printHistory(PrintWriter out, HistoryEntry h) {
        out.printf("%s  %-10s %-9s %s%s%n", h.at(), h.actor(), h.action(), h.findingRef() == null ? "" : h.findingRef(),
                h.evidenceId() == null ? "" : " #" + h.evidenceId());
        // as in the JSON history and every export: no fødselsnummer, D- or H-number leaves the store
        if (h.before() != null) {
            out.println("    before: " + NationalIds.mask(h.before()));
        }
        if (h.after() != null) {
            out.println("    after:  " + NationalIds.mask(h.after()));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a finding; it gets the next number of its kind.")
    static final class Create extends FindingsAction {
        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "avvik, merknad or observasjon.")
        String kind;
        @Option(names = "--title", required = true, paramLabel = "TITLE", description = "The finding in one sentence.")
        String title;
        @Option(names = "--requirement", paramLabel = "REF",
                description = "A legal requirement, like 'barnevernloven § 4-3' (repeat for more).")
        List<String> requirements = new ArrayList<>();
        @Option(names = "--text", paramLabel = "TEXT", description = "The finding's text, or @FILE to read it from a file.")
        String text;
        @Option(names = "--status", paramLabel = "STATUS", description = "Status (default: utkast).")
        String status;
        @Option(names = "--json", description = "Print the finding as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            FindingKind k = FindingKind.of(kind);
            FindingDraft draft = new FindingDraft(title, Requirements.parse(requirements), textOf(text), status);
            // a misspelt --case would otherwise start a new case without a word: made all the same (a finding may come
            // before the case's first bundle), and said
            String unknown = opts.unknownCase();
            FindingOut f = opts.service().create(opts.caseId, k, draft, null, opts.user());
            if (unknown != null) {
                spec.commandLine().getErr().println("note: " + unknown + "; the finding starts it (a misspelt --case? "
                        + "evidens finding delete --case " + opts.caseId + " " + f.ref() + " takes it away)");
                spec.commandLine().getErr().flush();
            }
            return json ? json(f) : say("Created %s (%s) in case %s", f.ref(), f.label(), opts.caseId);
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a finding's title, requirements, text or status.")
    static final class Edit extends FindingsAction {
        @Parameters(paramLabel = "FINDING", description = "avvik-1, merknad-2, …")
        String ref;
        @Option(names = "--title", paramLabel = "TITLE")
        String title;
        @Option(names = "--requirement", paramLabel = "REF", description = "Replaces all requirements (repeat for more).")
        List<String> requirements;
        @Option(names = "--text", paramLabel = "TEXT", description = "The text, or @FILE.")
        String text;
        @Option(names = "--status", paramLabel = "STATUS")
        String status;
        @Option(names = "--expect-version", paramLabel = "N", description = "Refuse when the finding has changed since this version.")
        Integer version;

        @Override
        public Integer call() {
            FindingDraft changes = new FindingDraft(title, requirements == null ? null : Requirements.parse(requirements),
                    textOf(text), status);
            FindingOut f = opts.service().edit(opts.caseId, ref, changes, opts.user(), version);
            return say("Updated %s", f.ref());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the findings of a case.")
    static final class ListFindings extends FindingsAction {
        @Option(names = "--json", description = "Print the findings with their evidence as JSON.")
        boolean json;

        @Override
        public Integer call() {
            FindingsService service = opts.service();
            List<FindingOut> findings = service.list(opts.caseId);
            if (json) {
                service.audit().quotationsShown(opts.user(), opts.caseId, findings, "evidens finding list --json");
                return json(findings);
            }
            if (findings.isEmpty()) {
                return say("Case %s has no findings yet", opts.caseId);
            }
            // in the report's order; the report's name for it beside the reference where a move made them differ
            return text(out -> findings.forEach(f -> out.printf("%-14s %-8s %2d quotation%s  %s%s%n", f.ref(), f.status(),
                    f.evidence().size(), f.evidence().size() == 1 ? " " : "s", f.title(),
                    f.reportNumber() == f.number() ? "" : "  (" + f.label() + " in the report)")));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a finding with its quotations and their sources.")
    static final class Show extends FindingsAction {
        @Parameters(paramLabel = "FINDING", description = "avvik-1, merknad-2, …")
        String ref;
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        public Integer call() {
            FindingsService service = opts.service();
            FindingOut out = service.show(opts.caseId, ref);
            service.audit().quotationsShown(opts.user(), opts.caseId, List.of(out), "evidens finding show");
            return print(json, out, w -> printFinding(w, out));
        }
    }

    @Command(name = "attach", mixinStandardHelpOptions = true,
            description = {"Attach a quotation to a finding.",
                    "A passage (--passage, or --search with --hit), the whole of it or an exact part (--quote, or document "
                            + "offsets --start/--end), possibly running on --through a later passage."})
    static final class Attach extends FindingsAction {
        @Parameters(paramLabel = "FINDING", description = "avvik-1, merknad-2, …")
        String ref;

        static final class Source {
            @Option(names = "--passage", required = true, paramLabel = "ID", description = "The passage id (case/docId/n).")
            String passage;
            @Option(names = "--search", required = true, paramLabel = "QUERY", description = "Search, and attach hit --hit.")
            String search;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;
        @Option(names = "--hit", paramLabel = "N", defaultValue = "1", description = "Which hit of --search (default: 1).")
        int hit;
        @Option(names = "--type", paramLabel = "TYPE", description = "With --search: only this document type.")
        String type;
        @Option(names = "--through", paramLabel = "ID", description = "The later passage of the same document the quotation ends in.")
        String through;
        @Option(names = "--quote", paramLabel = "TEXT", description = "The words to quote, copied from the passage.")
        String quote;
        @Option(names = "--start", paramLabel = "OFFSET", description = "First character (document offset, as search shows).")
        Integer start;
        @Option(names = "--end", paramLabel = "OFFSET", description = "One past the last character (document offset).")
        Integer end;
        @Option(names = "--contradicts", description = "The quotation speaks against the finding (default: it supports it).")
        boolean contradicts;
        @Option(names = "--note", paramLabel = "TEXT", description = "A note for the report writer.")
        String note;
        @Option(names = "--query", paramLabel = "QUERY", description = "With --passage: the search that found it (provenance).")
        String query;
        @Option(names = "--filter", paramLabel = "NAME=VALUE", description = "With --passage: a filter of that search (repeat).")
        Map<String, String> filters = new LinkedHashMap<>();
        @Option(names = "--json", description = "Print the attached item as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Attachment.Source from = source.search != null ? new Attachment.Search(source.search, type, hit)
                    : new Attachment.Passage(source.passage);
            FindingsService.Placed placed = opts.service().attach(opts.caseId, ref, new Attachment(from, through, start, end,
                    textOf(quote), contradicts ? Stance.CONTRADICTS : Stance.SUPPORTS, note, new Provenance(query, filters)),
                    opts.user());
            EvidenceOut e = placed.item();
            return print(json, e, out -> {
                out.printf("Attached #%d to %s as quotation %d%n", e.id(), placed.finding().ref(), e.position());
                printEvidence(out, e);
            });
        }
    }

    @Command(name = "detach", mixinStandardHelpOptions = true, description = "Remove a quotation from its finding.")
    static final class Detach extends FindingsAction {
        @Parameters(paramLabel = "ITEM", description = "The evidence item's id, like #12.")
        String item;

        @Override
        public Integer call() {
            long id = itemId(item);
            FindingOut f = opts.service().detach(opts.caseId, id, opts.user());
            return say("Detached #%d from %s", id, f.ref());
        }
    }

    @Command(name = "move", mixinStandardHelpOptions = true,
            description = "Move a quotation to another position (--position) and/or another finding of the case (--to).")
    static final class Move extends FindingsAction {
        @Parameters(paramLabel = "ITEM", description = "The evidence item's id, like #12.")
        String item;
        @Option(names = "--to", paramLabel = "FINDING", description = "The finding to move it to.")
        String to;
        @Option(names = "--position", paramLabel = "N", description = "Its new position (1 = first; default: last of --to).")
        Integer position;

        @Override
        public Integer call() {
            if (to == null && position == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "say where to: --position N and/or --to FINDING");
            }
            FindingsService.Placed moved = opts.service().move(opts.caseId, itemId(item), to, position, opts.user());
            if (!moved.changed()) {
                return say("#%d is already at %s, position %d: nothing changed", moved.item().id(), moved.finding().ref(), moved.item().position());
            }
            return say("Moved #%d to %s, position %d", moved.item().id(), moved.finding().ref(), moved.item().position());
        }
    }

    @Command(name = "order", mixinStandardHelpOptions = true,
            description = {"Put findings at another place in the case's report: avvik-2 before avvik-1, a merknad between two avvik.",
                    "Every export and the findings page show them in this order, and the report numbers each kind in it "
                            + "(Avvik 1 is the first avvik of the report); the references (avvik-2) stay as they are.",
                    "One finding goes to --position N; several go one after the other from --position (default: 1, the top)."})
    static final class Order extends FindingsAction {
        @Parameters(paramLabel = "FINDING", arity = "1..*", description = "avvik-2, merknad-1, … in the order they are to stand.")
        List<String> refs;
        @Option(names = "--position", paramLabel = "N", description = "The place of the (first) finding: 1 = first in the report.")
        Integer position;
        @Option(names = "--expect-version", paramLabel = "N", description = "Refuse when the finding has changed since this version (one finding).")
        Integer version;

        @Override
        public Integer call() {
            if (refs.size() == 1 && position == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "say where to: --position N (1 = first in the report)");
            }
            if (refs.size() > 1 && version != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--expect-version goes with one finding, not " + refs.size());
            }
            List<FindingOut> order = opts.service().order(opts.caseId, refs, position == null ? 1 : position, opts.user(), version);
            return text(out -> {
                out.printf("The report of case %s in order:%n", opts.caseId);
                for (FindingOut f : order) {
                    out.printf("%3d. %-16s %-14s %s%n", f.position(), f.label(), f.ref(), f.title());
                }
            });
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a finding and its quotations (kept in the history); later findings of its kind move up a number.")
    static final class Delete extends FindingsAction {
        @Parameters(paramLabel = "FINDING", description = "avvik-1, merknad-2, …")
        String ref;

        @Override
        public Integer call() {
            FindingOut f = opts.service().delete(opts.caseId, ref, opts.user());
            return say("Deleted %s (%s)", f.ref(), f.title());
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The history of the findings of a case, or of one finding: who changed what, when, before and after.")
    static final class History extends FindingsAction {
        @Parameters(paramLabel = "FINDING", arity = "0..1", description = "Only this finding.")
        String ref;
        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        public Integer call() {
            List<HistoryEntry> entries = opts.service().history(opts.caseId, ref);
            opts.service().audit().historyShown(opts.user(), opts.caseId, entries, "evidens finding history");
            if (json) {
                return json(entries.stream().map(CaseExports::history).toList());
            }
            return text(out -> entries.forEach(h -> printHistory(out, h)));
        }
    }
}
