package no.evidens.pipeline.ingest;

import no.evidens.pipeline.extract.Extraction;

/**
 * A new file of the bundle as Tika read it.
 *
 * @param file       the file and its content hash
 * @param extraction its text, and the documents it holds
 */
record ExtractedFile(HashedFile file, Extraction extraction) {

    /** Whether it holds documents of its own (an e-mail with attachments, an archive). */
    boolean holdsDocuments() {
        return !extraction.embedded().isEmpty();
    }
}
