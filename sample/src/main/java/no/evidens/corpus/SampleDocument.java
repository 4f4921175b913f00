package no.evidens.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One document of a sample bundle, with the text a faithful extraction and normalisation must give.
 *
 * @param path         path of the file inside the bundle, with '/' separators and the real extension
 * @param format       pdf, docx, html or txt
 * @param title        the document title
 * @param date         the document date
 * @param type         styringsdokument, journal, klientdokumentasjon or annet (from the top folder)
 * @param expectedText paragraphs joined with "\n\n", no page-break markers, no trailing newline
 * @param pageStarts   offsets in expectedText where page 1, 2, 3 … begin; [0] for non-paginated formats
 */
public record SampleDocument(String path, String format, String title, LocalDate date, String type,
                             String expectedText, List<Integer> pageStarts) {

    public SampleDocument {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(expectedText, "expectedText");
        pageStarts = List.copyOf(pageStarts);
        if (pageStarts.isEmpty() || pageStarts.get(0) != 0) {
            throw new IllegalArgumentException("pageStarts must begin with 0: " + path);
        }
    }

    /** The bundle type for a path: derived from its top folder. */
    public static String typeOf(String path) {
        int slash = path.indexOf('/');
        String top = slash < 0 ? "" : path.substring(0, slash);
        return switch (top) {
            case "styringsdokumenter" -> "styringsdokument";
            case "journaler" -> "journal";
            case "klientdokumentasjon" -> "klientdokumentasjon";
            default -> "annet";
        };
    }

    /** Number of pages (1 for non-paginated formats). */
    public int pageCount() {
        return pageStarts.size();
    }

    /** The 1-based page that the character at {@code offset} of expectedText lies on. */
    public int pageOf(int offset) {
        return Pages.pageOf(pageStarts, expectedText, offset);
    }

    /** The expected text of one page (1-based); for non-paginated formats page 1 is the whole text. */
    public String pageText(int page) {
        return Pages.pageText(pageStarts, expectedText, page);
    }
}
