package no.evidens.pipeline.bundle;

import java.nio.file.Path;

/**
 * One file of a bundle, ready for ingestion.
 *
 * @param path  path inside the bundle, with forward slashes (how the receipt and citations name it)
 * @param file  where its bytes are on disk now, or null when it could not be taken out of the bundle
 * @param type  document type
 * @param title title from the manifest, or null
 * @param date  date from the manifest (as written there), or null
 * @param problem why the file cannot be read at all, or null
 * @param service the service the document comes from (barnevern, helse, NAV …), from the manifest, or null
 * @param municipality the municipality, from the manifest, or null
 * @param named whether the manifest has a line for this path (the sender listed it on purpose)
 */
public record BundleEntry(String path, Path file, String type, String title, String date, String problem,
                          String service, String municipality, boolean named) {
    /** A file the manifest does not name. */
    public BundleEntry(String path, Path file, String type, String title, String date, String problem) {
        this(path, file, type, title, date, problem, null, null, false);
    }
}
