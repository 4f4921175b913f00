package no.evidens.pipeline.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import no.evidens.access.Permission;
import no.evidens.pipeline.export.CaseExport;
import no.evidens.pipeline.export.ExportFormat;
import no.evidens.pipeline.findings.FindingsService;
import no.evidens.pipeline.findings.NotFound;
import no.evidens.pipeline.lang.Language;
import no.evidens.pipeline.search.SavedSearchService;

/**
 * {@code GET /api/export?case=&format=[&sprak=nb|nn]}: the findings report as a download (docx, md, csv, xlsx …), its
 * own words in the language asked for, else the case's ({@code POST /api/eksport-sprak}), else Bokmål; and
 * {@code GET /api/export/own-words?case=}: before an anonymised download, the findings whose own title or text name a person
 * the anonymised quotations mask ({@code {"case", "namesInOwnWords": [{"ref","label","field","names"}]}}: the findings'
 * words are exported as written).
 */
final class ExportResource implements Routes.Resource {
    private final FindingsService findings;
    private final SavedSearchService languages;

    ExportResource(FindingsService findings, SavedSearchService languages) {
        this.findings = findings;
        this.languages = languages;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/export", this::export).get("/api/export/own-words", (x, p) -> {
            String caseId = x.access().require(Params.caseId(x.required("case")), Permission.EXPORT);
            java.util.List<no.evidens.pipeline.export.OwnWords.Named> named;
            try {
                named = findings.reports().anonymised(caseId, x.access().user()).namesInOwnWords();
            } catch (NotFound e) {
                throw ApiError.notFound("error.no-findings", caseId);
            }
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("case", caseId);
            out.put("namesInOwnWords", named);
            x.json(200, out);
        });
    }

    private void export(Exchange x, Map<String, String> path) throws IOException {
        String caseId = x.access().require(Params.caseId(x.required("case")), Permission.EXPORT);
        String fmt = x.required("format").toLowerCase(Locale.ROOT);
        ExportFormat format;
        try {
            format = ExportFormat.of(fmt);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("error.param.choice", "format", "docx, md, csv, xlsx, json", fmt);
        }
        boolean anonymise = x.boolParam("anonymise");
        String sprak = x.param("sprak");
        if (sprak != null && !Language.known(sprak)) {
            throw ApiError.badRequest("error.param.choice", "sprak", "nb, nn", sprak);
        }
        // the export's own words: as asked, else as chosen for the case, else Bokmål
        Language language = sprak != null ? Language.of(sprak) : languages.exportLanguage(caseId);
        CaseExport export;
        try {
            export = findings.reports().export(caseId, anonymise, x.access().user());
        } catch (NotFound e) {
            throw ApiError.notFound("error.no-findings", caseId);
        }
        // made in memory: a download writes nothing to the server's disk
        byte[] bytes = format.bytes(export, language);
        String name = "funn-" + caseId + (anonymise ? "-anonymisert" : "") + "." + fmt;
        findings.audit().exported(x.access().user(), caseId, fmt, anonymise, name);
        x.send(200, format.mediaType(), bytes, name);
    }
}
