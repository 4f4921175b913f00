package no.evidens.pipeline.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.IndexedDocument;
import no.evidens.pipeline.Json;
import no.evidens.pipeline.search.MarkedDocument;
import no.evidens.pipeline.search.SearchScope;

@Command(name = "document", mixinStandardHelpOptions = true,
        description = "Show a whole indexed document, page by page, with the matches of a query marked.")
final class DocumentCommand extends ReadAction {
    private static final String BOLD = "\u001b[1m";
    private static final String PLAIN = "\u001b[0m";

    @Parameters(paramLabel = "DOCUMENT", description = "The document: its id, case/document (the first two parts of a "
            + "passage id, as search shows it) or a whole passage id, case/document/number (its document is shown).")
    String document;

    @Option(names = "--case", paramLabel = "CASE",
            description = "The case the document belongs to (needed when DOCUMENT is the id alone).")
    String caseOption;

    @Option(names = "--query", paramLabel = "QUERY", description = "Mark where this query matches.")
    String query;

    @Option(names = "--json", description = "Print the document and the marks as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String[] parts = document.split("/", -1);
        if (parts.length > 3 || Arrays.stream(parts).anyMatch(String::isBlank)
                || parts.length == 3 && !parts[2].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + document + "' is not a document: give its id with --case, case/document "
                    + "or a passage id case/document/number, as search shows them");
        }
        String caseId = parts.length == 1 ? caseOption : parts[0];
        String docId = parts.length == 1 ? parts[0] : parts[1];
        if (caseId == null) {
            throw new IllegalArgumentException("which case? give --case CASE, or the document as case/document (as search shows it)");
        }
        if (caseOption != null && !caseOption.equals(caseId)) {
            throw new IllegalArgumentException("the document " + document + " is in case " + caseId + ", not in --case "
                    + caseOption + ": leave --case out, or give the document of that case");
        }
        try (EvidenceIndex searcher = home.openSearcher()) {
            var found = MarkedDocument.read(searcher, caseId, docId, query);
            if (found.isEmpty()) {
                // a case no bundle was ingested into is named as such, as search names it
                new SearchScope(home.resolve()).requireIngested(caseId);
                throw new IllegalArgumentException("no document " + docId + " in case " + caseId);
            }
            MarkedDocument marked = found.get();
            IndexedDocument doc = marked.document();
            List<EvidenceIndex.Mark> marks = marked.marks();
            AuditCommand.service(home).documentShown(FindingsOptions.user(user), caseId, docId, doc.type(), "evidens document");
            PrintWriter out = out();
            if (json) {
                out.println(Json.write(marked));
                out.flush();
                return 0;
            }
            boolean ansi = System.console() != null;
            out.printf("%s — %s (%s), %d page%s%s%n", doc.file(), doc.title(), doc.type(), doc.pages(),
                    doc.pages() == 1 ? "" : "s", query == null ? "" : ", " + marks.size() + (marks.size() == 1 ? " match" : " matches") + " of " + query);
            if (marked.newerVersion() != null) {
                out.println(Output.newerVersion(caseId, marked.newerVersion()));
            }
            String text = doc.text();
            Set<Integer> opens = marks.stream().map(EvidenceIndex.Mark::start).collect(Collectors.toSet());
            Set<Integer> closes = marks.stream().map(EvidenceIndex.Mark::end).collect(Collectors.toSet());
            int page = 0;
            StringBuilder b = new StringBuilder();
            for (int i = 0; i <= text.length(); i++) {
                if (closes.contains(i)) {
                    b.append(ansi ? PLAIN : "]");
                }
                while (page < doc.pages() && doc.pageStarts().get(page) == i) {
                    b.append("\n— page ").append(++page).append(" —\n");
                }
                if (opens.contains(i)) {
                    b.append(ansi ? BOLD : "[");
                }
                if (i < text.length()) {
                    b.append(text.charAt(i));
                }
            }
            out.println(b);
            out.flush();
            return 0;
        }
    }
}
