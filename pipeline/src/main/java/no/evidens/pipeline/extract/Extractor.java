package no.evidens.pipeline.extract;

import java.nio.file.Path;

/** Gets the text, pages and contained documents of one file. */
public interface Extractor extends AutoCloseable {
    Extraction extract(Path file) throws ExtractionException;

    @Override
    default void close() {
    }
}
