package no.evidens.pipeline.search;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import no.evidens.index.EvidenceIndex;
import no.evidens.index.SearchHit;
import no.evidens.index.SearchRequest;
import no.evidens.index.SearchResult;

/**
 * Runs a file of queries against a case — how an auditor checks every indicator at once — and writes
 * the hits as CSV and a label × document matrix of hit counts.
 */
public final class BatchSearch {
    /**
     * One query of the file, with the label it is reported under (the indicator, say).
     *
     * @param line the line of the file it starts on, from 1
     */
    public record LabelledQuery(String label, String query, int line) {
    }

    /**
     * The hits of one query, or why it could not run (then {@code result} is null).
     *
     * @param error what went wrong, naming the query's line, or null
     */
    public record Outcome(LabelledQuery query, SearchResult result, String error) {
    }

    /**
     * A CSV file of queries that cannot be read from one line on: a field in quotation marks that is not closed, or text
     * after its closing mark. Commons CSV's own message names neither the rule nor the remedy.
     */
    public static final class UnreadableCsv extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int line;

        UnreadableCsv(String source, int line, Throwable cause) {
            super(source + ": line " + line + " cannot be read as CSV: a field that starts with a quotation mark must end with"
                    + " one, right before the comma or the end of the line, and a quotation mark inside it is doubled"
                    + " (ip,\"\"\"individuell plan\"\"\")", cause);
            this.line = line;
        }

        /** The line (from 1) of the record that could not be read. */
        public int line() {
            return line;
        }
    }

    /**
     * Reads the queries: a CSV with a header naming {@code label} and {@code query} columns, or plain
     * lines of one query each (its label is the query). Blank lines and lines starting with # are skipped; a CSV row
     * with a label and no query is kept, and {@link #run} reports it as an empty query on its line.
     *
     * @throws UnreadableCsv when a line of the CSV cannot be read
     */
    public static List<LabelledQuery> read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads the queries from the text of such a file (an upload, say).
     *
     * @param source what to call the text in the error when it holds no query
     */
    public static List<LabelledQuery> read(String text, String source) throws IOException {
        List<String> lines = text.lines().toList();
        String header = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).findFirst().orElse("");
        List<LabelledQuery> out = new ArrayList<>();
        if (header.toLowerCase(java.util.Locale.ROOT).replace(" ", "").matches("label[,;]query.*")) {
            char sep = header.contains(";") ? ';' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(sep).setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).setCommentMarker('#').setIgnoreEmptyLines(true).get();
            try (Reader in = new java.io.StringReader(text); CSVParser parser = format.parse(in)) {
                // the lines the parser has read when the record before ended (the header's, first)
                long linesRead = parser.getCurrentLineNumber();
                java.util.Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    CSVRecord r;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        r = records.next();
                    } catch (java.io.UncheckedIOException e) {
                        // the parser wraps its CSVException: the record that starts on the next line is malformed
                        throw new UnreadableCsv(source, lineAfter(lines, linesRead), e.getCause());
                    }
                    // A labelled row without a query is kept, so that it is reported (line N: the query is empty) rather
                    // than left out unseen; a row with neither is an empty line.
                    if (!r.get("query").isBlank() || !r.get("label").isBlank()) {
                        out.add(new LabelledQuery(r.get("label"), r.get("query"), lineAfter(lines, linesRead)));
                    }
                    linesRead = parser.getCurrentLineNumber();
                }
            }
        } else {
            for (int i = 0; i < lines.size(); i++) {
                String q = lines.get(i).strip();
                if (!q.isEmpty() && !q.startsWith("#")) {
                    out.add(new LabelledQuery(q, q, i + 1));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no queries in " + source + " (one query a line, or a CSV with columns label,query)");
        }
        return out;
    }

    /**
     * The line (from 1) a CSV record starts on, the parser having read {@code linesRead} lines when the record before it
     * ended: the next line, past the blank and comment lines the parser skips.
     */
    private static int lineAfter(List<String> lines, long linesRead) {
        int line = Math.toIntExact(linesRead) + 1;
        while (line < lines.size() && (lines.get(line - 1).isBlank() || lines.get(line - 1).startsWith("#"))) {
            line++;
        }
        return line;
    }

    /**
     * Runs every query, its error in English ({@code line 4: …}), sak: terms not checked against the receipts: see
     * {@link #run(EvidenceIndex, List, String, int, SearchScope, BiFunction)}.
     */
    public static List<Outcome> run(EvidenceIndex searcher, List<LabelledQuery> queries, String caseId, int limit)
            throws IOException {
        return run(searcher, queries, caseId, limit, null, BatchSearch::inEnglish);
    }

    /** A query's error as the command line reports it: its line, then the refusal's English message. */
    public static String inEnglish(LabelledQuery query, IllegalArgumentException e) {
        return "line " + query.line() + ": " + e.getMessage();
    }

    /**
     * Runs every query. One that cannot run is reported with its error, worded by {@code wording} (in the reader's
     * language, say), and the others run on: a query that cannot be read, and one that finds nothing because it names a
     * value no passage of the case carries ({@code kommune:Atlantis}, a mistyped indicator), or, given {@code scope}, a case
     * no bundle was ingested into ({@code sak:}) — what a search of the case refuses ({@link SearchScope}), asked only
     * when the query found nothing, so a batch that finds costs no more.
     *
     * @param scope the receipts to check a query's {@code sak:} terms against, or null not to (in the team mode, where
     *              that would tell of other cases)
     */
    public static List<Outcome> run(EvidenceIndex searcher, List<LabelledQuery> queries, String caseId, int limit, SearchScope scope,
                                    BiFunction<LabelledQuery, IllegalArgumentException, String> wording) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (LabelledQuery q : queries) {
            try {
                SearchResult r = searcher.search(new SearchRequest(q.query(), caseId, null, limit));
                if (r.total() == 0) {
                    if (scope != null) {
                        scope.requireIngestedNamedIn(q.query());
                    }
                    SearchScope.requireCarried(searcher, caseId, null, SearchScope.facetValuesNamedIn(q.query()), r.facets());
                }
                out.add(new Outcome(q, r, null));
            } catch (IllegalArgumentException e) {
                out.add(new Outcome(q, null, wording.apply(q, e)));
            }
        }
        return out;
    }

    /** One row per hit: label, query, rank, citation, score, passage text. */
    public static void writeHits(List<Outcome> outcomes, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("label", "query", "rank",
                "passageId", "file", "type", "page", "start", "end", "score", "text", "error").get())) {
            for (Outcome o : outcomes) {
                if (o.error() != null) {
                    csv.printRecord(o.query().label(), o.query().query(), "", "", "", "", "", "", "", "", "", o.error());
                    continue;
                }
                int rank = 1;
                for (SearchHit h : o.result().hits()) {
                    csv.printRecord(o.query().label(), o.query().query(), rank++, h.passageId(), h.file(), h.type(),
                            h.page(), h.start(), h.end(), String.format(java.util.Locale.ROOT, "%.3f", h.score()), h.text(), "");
                }
            }
        }
    }

    /**
     * Rows: labels; columns: documents (file); cells: how many passages of the document the query found; the last
     * column, {@code error}, why a label's query could not run (empty when it ran).
     */
    public static void writeMatrix(List<Outcome> outcomes, Writer out) throws IOException {
        BatchMatrix m = BatchMatrix.of(outcomes);
        List<String> header = new ArrayList<>();
        header.add("label");
        header.addAll(m.files());
        header.add("total");
        header.add("error");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (BatchMatrix.Row row : m.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.label());
                cells.addAll(row.counts());
                cells.add(row.total());
                cells.add(row.error() == null ? "" : row.error());
                csv.printRecord(cells);
            }
        }
    }
}
