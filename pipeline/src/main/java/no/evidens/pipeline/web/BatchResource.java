package no.evidens.pipeline.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.pipeline.export.XlsxSheet;
import no.evidens.pipeline.lang.Texts;
import no.evidens.pipeline.search.BatchMatrix;
import no.evidens.pipeline.search.BatchSearch;
import no.evidens.pipeline.search.SearchScope;

/**
 * Batch search from the workspace: {@code POST /api/batch} ({@code case}, {@code queries}: the text of a
 * file of queries, one a line or a CSV {@code label,query}; {@code format}: {@code json}, the default, or
 * {@code xlsx}) answers the label × document matrix as JSON, or as an Excel workbook to download. A row whose query
 * cannot run has its {@code error} (and the workbook's last column), naming its {@code line} of the file.
 */
final class BatchResource implements Routes.Resource {
    static final int MAX_QUERIES = 200;
    /** Hits per query counted into the matrix (the CLI's default is 50; a matrix wants them all). */
    static final int HITS_PER_QUERY = 1000;

    private final SharedIndex index;
    private final SearchScope scope;

    BatchResource(SharedIndex index, SearchScope scope) {
        this.index = index;
        this.scope = scope;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/api/batch", this::batch);
    }

    private void batch(Exchange x, Map<String, String> path) throws IOException {
        JsonFields b = new JsonFields(x.jsonBody(), "case", "queries", "format");
        String caseId = x.access().require(Params.caseId(b.required("case")), Permission.READ);
        String format = b.text("format") == null ? "json" : b.text("format");
        if (!format.equals("json") && !format.equals("xlsx")) {
            throw ApiError.badRequest("error.param.choice", "format", "json, xlsx", format);
        }
        List<BatchSearch.LabelledQuery> queries;
        try {
            queries = BatchSearch.read(b.text("queries") == null ? "" : b.text("queries"), "the upload");
        } catch (IOException e) {
            throw ApiError.badRequest("error.batch-empty");
        } catch (BatchSearch.UnreadableCsv e) {
            throw ApiError.badRequest("error.batch-csv", String.valueOf(e.line()));
        }
        if (queries.size() > MAX_QUERIES) {
            throw ApiError.badRequest("error.batch-too-many", MAX_QUERIES);
        }
        Texts texts = Texts.of(ErrorTexts.language(x));
        // A case no bundle was ingested into is refused (404) as the search refuses it, and a sak: term of a query, only in
        // the single-user mode: a signed-in user has a role in the case, and a case a lead started is theirs, empty or not.
        boolean singleUser = x.access().readableCases() == null;
        if (singleUser) {
            FindingsErrors.call(() -> {
                scope.requireIngested(caseId);
                return null;
            });
        }
        // a row that cannot run (an unreadable query, a value no passage of the case carries) says why in the reader's
        // language, naming its line, as the search view does; the other rows run
        List<BatchSearch.Outcome> outcomes = BatchSearch.run(index.searcher(), queries, caseId, HITS_PER_QUERY, singleUser ? scope : null,
                (q, e) -> texts.get("error.batch-line", String.valueOf(q.line()), ErrorTexts.message(texts.language(), e)));
        BatchMatrix matrix = BatchMatrix.of(outcomes);
        if (format.equals("xlsx")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            matrix.writeXlsx(out, texts.get("ui.batch.query"), texts.get("ui.overview.sum"), texts.get("ui.batch.error"));
            x.send(200, XlsxSheet.MEDIA_TYPE, out.toByteArray(), "matrise-" + caseId + ".xlsx");
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("case", caseId);
        json.put("files", matrix.files());
        json.put("rows", matrix.rows().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("label", r.label());
            row.put("query", r.query());
            row.put("counts", r.counts());
            row.put("total", r.total());
            row.put("error", r.error());
            row.put("line", r.line());
            return row;
        }).toList());
        x.json(200, json);
    }
}
