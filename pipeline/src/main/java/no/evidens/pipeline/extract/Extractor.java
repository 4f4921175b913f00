package no.evidens.pipeline.extract;

import java.nio.file.Path;

/** Gets the text, pages and contained documents of one file. */
public interface Extractor extends AutoCloseable {
    Extraction extract(Path file) throws ExtractionException;

    /**
     * Gets ready to read, ahead of the first file (an extractor that reads in other processes starts one), so that
     * this start overlaps other work; a failure here is left for the first file to meet. Nothing by default.
     */
    default void prepare() {
    }

    @Override
    default void close() {
    }
}
