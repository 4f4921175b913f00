package no.evidens.corpus;

import java.io.IOException;
import java.time.LocalDate;

/** Renders a source text into the bytes of one file format, deterministically. */
interface DocumentRenderer {

    byte[] render(SourceText text, String title, LocalDate date) throws IOException;
}
