package no.evidens.pipeline.ingest;

import no.evidens.pipeline.extract.Sha256;

/** How a document's id is made from its content: the rule ingestion writes by and a check of a quotation looks up by. */
public final class DocIds {
    private static final int LENGTH = 16;

    private DocIds() {
    }

    /** A file of the bundle: the start of its SHA-256, so the same bytes are the same document in a case. */
    public static String ofFile(String sha256) {
        return sha256.substring(0, LENGTH);
    }

    /**
     * A document inside a container (an attachment, a zip's entry): the same attachment in two e-mails is two
     * documents, so the id follows the container's id and the path as well as the bytes.
     */
    static String ofEmbedded(String parentDocId, String name, String sha256) {
        return Sha256.ofText(parentDocId + "!/" + name + "#" + sha256).substring(0, LENGTH);
    }
}
