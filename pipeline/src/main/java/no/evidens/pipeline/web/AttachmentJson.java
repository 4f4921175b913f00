package no.evidens.pipeline.web;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;
import no.evidens.pipeline.findings.Attachment;

/**
 * Reads an attach request (the body of {@code POST …/evidence}, and the {@code evidence} of a new
 * finding): {@code passageId} (and optionally {@code through}, {@code quote}, or document offsets
 * {@code start}/{@code end}); or {@code docId} with {@code start}/{@code end} alone, any span a reader
 * selected, whose passages the findings service finds.
 */
final class AttachmentJson {
    private AttachmentJson() {
    }

    static Attachment read(String caseId, JsonNode body) {
        JsonFields b = new JsonFields(body, "passageId", "through", "docId", "start", "end", "quote", "stance", "note", "query",
                "filters");
        String passageId = b.text("passageId");
        String through = b.text("through");
        Integer start = b.integer("start");
        Integer end = b.integer("end");
        String docId = b.text("docId");
        if ((start == null) != (end == null)) {
            throw ApiError.badRequest("error.attach.start-end");
        }
        if (passageId == null && docId == null) {
            throw ApiError.badRequest("error.attach.what");
        }
        if (passageId != null) {
            Params.passageId(passageId);
            if (!passageId.startsWith(caseId + "/")) {
                throw ApiError.badRequest("error.attach.passage-case", passageId, caseId);
            }
        }
        if (through != null) {
            Params.passageId(through);
        }
        Attachment.Source source;
        if (passageId != null) {
            source = new Attachment.Passage(passageId);
        } else {
            if (start == null) {
                throw ApiError.badRequest("attach.span-missing");
            }
            source = new Attachment.Span(Params.docId(docId));
            through = null;
        }
        Map<String, String> filters = filters(b);
        String stance = b.text("stance");
        return new Attachment(source, through, start, end, b.text("quote"),
                stance == null ? Stance.SUPPORTS : stance(stance), b.text("note"), new Provenance(b.text("query"), filters));
    }

    private static Stance stance(String given) {
        try {
            return Stance.of(given);
        } catch (IllegalArgumentException e) {
            throw ApiError.badField("stance", "error.field.choice", "stance", "supports, contradicts", given);
        }
    }

    /** The search filters the quotation was found with: name → value, as text. */
    private static Map<String, String> filters(JsonFields b) {
        Map<String, String> filters = new LinkedHashMap<>();
        JsonNode fs = b.node("filters");
        if (fs != null && !fs.isNull()) {
            if (!fs.isObject() || fs.size() > 20) {
                throw ApiError.badRequest("error.attach.filters");
            }
            for (Map.Entry<String, JsonNode> e : fs.properties()) {
                if (!e.getValue().isTextual()) {
                    throw ApiError.badRequest("error.attach.filter-text", e.getKey());
                }
                filters.put(e.getKey(), e.getValue().asText());
            }
        }
        return filters;
    }
}
