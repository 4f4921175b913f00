package no.evidens.pipeline.search;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
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
    /** One query of the file, with the label it is reported under (the indicator, say). */
    public record LabelledQuery(String label, String query) {
    }

    /** The hits of one query. */
    public record Outcome(LabelledQuery query, SearchResult result, String error) {
    }

    /**
     * Reads the queries: a CSV with a header naming {@code label} and {@code query} columns, or plain
     * lines of one query each (its label is the query). Blank lines and lines starting with # are skipped.
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
            try (Reader in = new java.io.StringReader(text)) {
                for (CSVRecord r : format.parse(in)) {
                    if (!r.get("query").isBlank()) {
                        out.add(new LabelledQuery(r.get("label"), r.get("query")));
                    }
                }
            }
        } else {
            for (String line : lines) {
                String q = line.strip();
                if (!q.isEmpty() && !q.startsWith("#")) {
                    out.add(new LabelledQuery(q, q));
                }
            }
        }
        if (out.isEmpty()) {
            throw new IOException("no queries in " + source + " (one query a line, or a CSV with columns label,query)");
        }
        return out;
    }

    /** Runs every query; a query that cannot be read is reported with its error, the others run on. */
    public static List<Outcome> run(EvidenceIndex searcher, List<LabelledQuery> queries, String caseId, int limit)
            throws IOException {
        return run(searcher, queries, caseId, limit, IllegalArgumentException::getMessage);
    }

    /** As {@link #run(EvidenceIndex, List, String, int)}, with a query's error worded by {@code wording} (in the reader's language, say). */
    public static List<Outcome> run(EvidenceIndex searcher, List<LabelledQuery> queries, String caseId, int limit,
                                    java.util.function.Function<IllegalArgumentException, String> wording) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (LabelledQuery q : queries) {
            try {
                out.add(new Outcome(q, searcher.search(new SearchRequest(q.query(), caseId, null, limit)), null));
            } catch (IllegalArgumentException e) {
                out.add(new Outcome(q, null, wording.apply(e)));
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

    /** Rows: labels; columns: documents (file); cells: how many passages of the document the query found. */
    public static void writeMatrix(List<Outcome> outcomes, Writer out) throws IOException {
        BatchMatrix m = BatchMatrix.of(outcomes);
        List<String> header = new ArrayList<>();
        header.add("label");
        header.addAll(m.files());
        header.add("total");
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (BatchMatrix.Row row : m.rows()) {
                List<Object> cells = new ArrayList<>();
                cells.add(row.label());
                cells.addAll(row.counts());
                cells.add(row.total());
                csv.printRecord(cells);
            }
        }
    }
}
