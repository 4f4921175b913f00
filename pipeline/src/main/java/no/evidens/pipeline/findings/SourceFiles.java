package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import no.evidens.pipeline.bundle.BundleZip;
import no.evidens.pipeline.extract.Extraction;
import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Extractor;
import no.evidens.pipeline.extract.IsolatedExtractor;
import no.evidens.pipeline.extract.Sha256;
import no.evidens.pipeline.extract.TikaExtractor;

/**
 * Finds the source file of a quotation in its bundle (a folder, or a .zip) and hashes it, to compare
 * with the SHA-256 the store kept when the quotation was attached; a document inside an e-mail or an
 * archive is taken out of it again to be hashed. Only bytes are read in this process: a container is
 * parsed by the extractor given, in {@link #isolated()} the same Tika worker processes that ingestion uses,
 * so a hostile file that hangs or crashes its parser cannot take {@code verify} down.
 */
final class SourceFiles implements AutoCloseable {
    /** What was found: {@code ok} with the hash, or {@code missing} / {@code unchecked} with why. */
    record Source(String status, String sha256, String detail) {
        static final String FOUND = "found";
        static final String MISSING = "missing";
        static final String UNCHECKED = "unchecked";
    }

    private final Extractor containers;

    /** @param containers what opens a container (an e-mail, an archive) to find a document inside it */
    SourceFiles(Extractor containers) {
        this.containers = containers;
    }

    /**
     * Containers opened by one Tika worker process, started when the first container is met (most
     * quotations come from files of their own), with the limits ingestion has; no OCR, as only the bytes
     * of what the container holds are hashed.
     */
    static SourceFiles isolated() {
        return new SourceFiles(new IsolatedExtractor(1, TikaExtractor.DEFAULT_MAX_CHARS, false,
                IsolatedExtractor.DEFAULT_TIMEOUT_SECONDS));
    }

    /** Stops the worker process, if one was started. */
    @Override
    public void close() {
        containers.close();
    }

    Source hash(String bundle, String file) {
        if (bundle == null) {
            return new Source(Source.UNCHECKED, null, "the store does not know which bundle the file came from (give --bundle)");
        }
        String[] steps = file.split("!/");
        Path b = Path.of(bundle);
        try {
            if (Files.isDirectory(b)) {
                Path f = b.resolve(steps[0]).normalize();
                if (!f.startsWith(b.normalize()) || !Files.isRegularFile(f)) {
                    return new Source(Source.MISSING, null, "the source file " + f + " is gone");
                }
                return steps.length == 1 ? new Source(Source.FOUND, Sha256.of(f), null) : inside(f, steps, file);
            }
            if (Files.isRegularFile(b)) {
                // opened as ingestion opened it, so an entry is found under the name its receipt gives (a Windows zip's
                // code page 850 names, backslashes)
                try (BundleZip zip = BundleZip.open(b)) {
                    BundleZip.Entry e = zip.find(steps[0]).orElse(null);
                    if (e == null) {
                        return new Source(Source.MISSING, null, "the source file " + file + " is gone from " + b);
                    }
                    if (steps.length == 1) {
                        try (InputStream in = zip.open(e)) {
                            return new Source(Source.FOUND, Sha256.of(in), null);
                        }
                    }
                    Path tmp = Files.createTempFile("evidens-verify", "");
                    try {
                        try (InputStream in = zip.open(e)) {
                            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                        return inside(tmp, steps, file);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
            }
            return new Source(Source.MISSING, null, "the bundle " + b + " is gone");
        } catch (IOException e) {
            return new Source(Source.MISSING, null, "the source file " + file + " in " + b + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * A document inside a container (mail.eml!/vedlegg.pdf, a.zip!/b.zip!/c.txt): the container is opened
     * as ingestion opened it, and the hash of the document at that path inside is compared.
     */
    private Source inside(Path container, String[] steps, String file) {
        try {
            Extraction e = containers.extract(container);
            Extraction.Embedded found = null;
            for (int i = 1; i < steps.length; i++) {
                String name = steps[i];
                found = e == null ? null : e.embedded().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
                if (found == null || found.sha256() == null) {
                    return new Source(Source.MISSING, null, "the document " + file + " is gone from its container");
                }
                e = found.extraction();
            }
            return new Source(Source.FOUND, found.sha256(), null);
        } catch (ExtractionException ex) {
            return new Source(Source.MISSING, null, "the container of " + file + " cannot be opened: " + ex.getMessage());
        }
    }
}
