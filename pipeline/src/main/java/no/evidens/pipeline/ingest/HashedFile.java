package no.evidens.pipeline.ingest;

import no.evidens.pipeline.bundle.BundleEntry;

/**
 * A file of the bundle with the SHA-256 of its bytes: the key by which content already in the case is skipped.
 *
 * @param entry  the file as the bundle gave it
 * @param sha256 hex SHA-256 of its bytes
 */
record HashedFile(BundleEntry entry, String sha256) {
}
