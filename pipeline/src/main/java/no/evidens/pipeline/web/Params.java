package no.evidens.pipeline.web;

import no.evidens.pipeline.ingest.Ingestion;

/** The ids a request names (case, passage, document), checked before anything is looked up: 400 when malformed. */
final class Params {
    private Params() {
    }

    /** A case id, as ingestion accepts it. */
    static String caseId(String caseId) {
        try {
            Ingestion.checkCaseId(caseId);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("error.id.case", caseId);
        }
        return caseId;
    }

    /** A passage id: {@code case/document/number}. */
    static String passageId(String id) {
        if (!id.matches("[\\p{L}\\p{N}._-]{1,100}/[0-9a-fA-F]{1,64}/\\d{1,7}")) {
            throw ApiError.badRequest("attach.not-passage-id", id);
        }
        return id;
    }

    /** The case a passage id names (its first part). */
    static String caseOfPassage(String passageId) {
        return passageId.substring(0, passageId.indexOf('/'));
    }

    /** A document id: hexadecimal, as search shows it. */
    static String docId(String docId) {
        if (!docId.matches("[0-9a-fA-F]{1,64}")) {
            throw ApiError.badRequest("error.id.document", docId);
        }
        return docId;
    }
}
