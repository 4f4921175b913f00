package no.evidens.pipeline.extract;

import java.util.List;

/**
 * What Tika gave for one file.
 *
 * @param text       the extracted text, before normalisation
 * @param pageStarts offsets into {@code text} where pages 1, 2, … begin ([0] for formats without pages)
 * @param mediaType  the media type detected from the content
 * @param title      the title in the file's own metadata, or null
 */
public record Extraction(String text, List<Integer> pageStarts, String mediaType, String title) {
    public Extraction {
        pageStarts = List.copyOf(pageStarts);
    }
}
