package no.evidens.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The lines of a synonyms file (Solr's format), with its sections told apart. A comment line {@value #OTHER_WORDS}
 * begins entries that name the same thing in other words ({@code sosialhjelp, økonomisk stønad}); a comment line
 * {@value #SAME_WORDS} (or the end of the file) ends them. Entries outside such a section are spellings of one word
 * (Bokmål and Nynorsk, old and new) and abbreviations. Both markers are comments to Solr's synonym parser, which reads
 * every entry alike.
 *
 * @param all every line, as Solr reads them
 * @param sameWords the same lines with the entries of the other-words sections blanked (line numbers kept, for errors)
 * @param hasOtherWords whether any entry names a thing in other words
 */
record SynonymList(String all, String sameWords, boolean hasOtherWords) {
    /** The comment that begins a section of entries naming the same thing in other words. */
    static final String OTHER_WORDS = "#@ other words";
    /** The comment that ends it: spellings and abbreviations again. */
    static final String SAME_WORDS = "#@ same words";

    /** The list of {@code file}, or the shipped one when it is null. */
    static SynonymList read(Path file) {
        try (InputStream in = file != null ? Files.newInputStream(file)
                : NorwegianAnalysis.class.getResourceAsStream("synonyms.txt")) {
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synonyms file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The list whose text is {@code text}. */
    static SynonymList of(String text) {
        StringBuilder same = new StringBuilder(text.length());
        boolean other = false;
        boolean any = false;
        for (String line : text.split("\n", -1)) {
            String marker = line.strip().toLowerCase(Locale.ROOT);
            if (marker.equals(OTHER_WORDS)) {
                other = true;
            } else if (marker.equals(SAME_WORDS)) {
                other = false;
            }
            boolean entry = !marker.isEmpty() && !marker.startsWith("#");
            any |= other && entry;
            same.append(other && entry ? "" : line).append('\n');
        }
        return new SynonymList(text, same.toString(), any);
    }
}
