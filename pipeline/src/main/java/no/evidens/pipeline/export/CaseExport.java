package no.evidens.pipeline.export;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The findings of a case as exported: the content of every format, and (as JSON, not anonymised) the
 * file that {@code evidens import} reads back, with the history, to back a case up or move it.
 */
public record CaseExport(String format, int version, @JsonProperty("case") String caseId, String exportedAt, String exportedBy,
                         boolean anonymised, List<FindingOut> findings, List<HistoryOut> history) {
    public static final String FORMAT = "evidens-findings";
    public static final int VERSION = 1;

    /**
     * A finding; {@code id} is the one it had in the store it came from (the history refers to it); {@code version}
     * counts its changes (a change names the version it was made on; 0 in exports made before versions). {@code ref}
     * and {@code number} name it in commands and do not change when the report's order does; {@code position} is its
     * place in the case's report (from 1; 0 in exports made before the order), {@code reportNumber} what the report
     * numbers it, counted in that order, and {@code label} the report's name for it ({@code Avvik 1}).
     */
    public record FindingOut(long id, String ref, String label, String kind, int number, String title,
                             List<RequirementOut> requirements, String text, String status, String createdBy, String createdAt,
                             String updatedBy, String updatedAt, List<EvidenceOut> evidence, int version, int position,
                             int reportNumber) {
        /** A finding outside a case's order: the report numbers it as its reference does. */
        public FindingOut(long id, String ref, String label, String kind, int number, String title, List<RequirementOut> requirements,
                          String text, String status, String createdBy, String createdAt, String updatedBy, String updatedAt,
                          List<EvidenceOut> evidence, int version) {
            this(id, ref, label, kind, number, title, requirements, text, status, createdBy, createdAt, updatedBy, updatedAt, evidence,
                    version, 0, number);
        }
    }

    public record RequirementOut(String law, List<String> sections, String text) {
    }

    /**
     * A quotation with its source as the report writes it ({@code source}) and its full citation.
     *
     * @param quote the exact quoted text (with placeholders when anonymised)
     */
    public record EvidenceOut(long id, int position, String stance, String quote, String source, Citation citation,
                              String passageId, String lastPassageId, String sha256, String sourceBundle, String note,
                              ProvenanceOut provenance, String addedBy, String addedAt, String normaliserVersion) {
    }

    /**
     * Where the quotation stands: offsets into the document's normalised text, pages from 1.
     *
     * @param container for a document that came inside another file, the kind of that file ({@code mail}, {@code archive},
     *                  {@code other}: {@link SourceWords#kind}), else null (and left out of the JSON); it outlives an
     *                  anonymised export's file name, which names the document alone, so such an export can still say that
     *                  a quotation came from an e-mail's attachment without naming the e-mail
     */
    public record Citation(String title, String file, String type, String docId, int page, int endPage, int start, int end,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           String container) {
        /** A citation of a file of the bundle itself, or whose container is told by its file ({@code mail.eml!/a.pdf}). */
        public Citation(String title, String file, String type, String docId, int page, int endPage, int start, int end) {
            this(title, file, type, docId, page, endPage, start, end, SourceWords.kind(file).orElse(null));
        }
    }

    public record ProvenanceOut(String query, Map<String, String> filters) {
    }

    /** One history entry; before and after are the states as JSON. */
    public record HistoryOut(Long findingId, String finding, Long evidenceId, String action, String actor, String at,
                             JsonNode before, JsonNode after) {
    }
}
