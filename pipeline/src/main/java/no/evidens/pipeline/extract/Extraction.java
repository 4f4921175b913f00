package no.evidens.pipeline.extract;

import java.util.List;
import java.util.Set;

/**
 * What Tika gave for one file.
 *
 * @param text       the extracted text, before normalisation
 * @param pageStarts offsets into {@code text} where pages 1, 2, … begin ([0] for formats without pages)
 * @param mediaType  the media type detected from the content
 * @param title      the title in the file's own metadata, or null
 * @param embedded   the documents it holds, each its own document (e-mail attachments, files in a zip)
 * @param created    when the file says it was made (ISO 8601, as Tika reads it), or null
 * @param marginLines for each page of a PDF, the lines standing apart in its top or bottom margin
 *                   (running headers, footers, page numbers); empty for other formats
 * @param drawnHyphens line ends of a PDF with a hyphen drawn as a shape, not written as text, each as
 *                     {@code lastWord-firstWordOfNextLine} ({@code over-gangen})
 */
public record Extraction(String text, List<Integer> pageStarts, String mediaType, String title,
                         List<Embedded> embedded, String created, List<List<String>> marginLines,
                         Set<String> drawnHyphens) {
    public Extraction {
        drawnHyphens = drawnHyphens == null ? Set.of() : Set.copyOf(drawnHyphens);
        pageStarts = List.copyOf(pageStarts);
        embedded = List.copyOf(embedded);
        marginLines = marginLines == null ? List.of() : marginLines.stream().map(List::copyOf).toList();
    }

    public Extraction(String text, List<Integer> pageStarts, String mediaType, String title) {
        this(text, pageStarts, mediaType, title, List.of(), null, List.of(), Set.of());
    }

    /**
     * A document inside another.
     *
     * @param name       its name inside its container (an attachment's file name, a path in a zip)
     * @param sha256     hex SHA-256 of its bytes, or null when they could not be read
     * @param extraction its text, or null when it failed
     * @param reason     why it failed, or null
     * @param detail     the library's own message or the limit hit, for whoever debugs, or null
     */
    public record Embedded(String name, String sha256, Extraction extraction, Reason reason, String detail) {
        /** Why it failed, for a person to read, or null. */
        public String problem() {
            return reason == null ? null : reason.text();
        }
    }
}
