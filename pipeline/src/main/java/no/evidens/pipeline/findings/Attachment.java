package no.evidens.pipeline.findings;

import no.evidens.findings.Provenance;
import no.evidens.findings.Stance;

/**
 * What a person asks to attach: where the quotation comes from, and which part of it.
 *
 * @param source     a passage by id, a hit of a search, or a span of a document
 * @param through    the later passage of the same document the quotation ends in, or null
 * @param start      first character (document offset), or null
 * @param end        one past the last character (document offset), or null
 * @param quote      the words to quote, copied from the passage, or null
 * @param provenance the search that found it (ignored for {@link Source.Search}, which is its own provenance)
 */
public record Attachment(Source source, String through, Integer start, Integer end, String quote, Stance stance, String note,
                         Provenance provenance) {
    public Attachment {
        if (stance == null) {
            stance = Stance.SUPPORTS;
        }
        if (provenance == null) {
            provenance = Provenance.none();
        }
    }

    /** Where a quotation comes from. */
    public sealed interface Source {
    }

    /** A passage by its id ({@code case/docId/n}). */
    public record Passage(String passageId) implements Source {
    }

    /** Hit {@code hit} (from 1) of a search in the case, optionally of one document type. */
    public record Search(String query, String type, int hit) implements Source {
    }

    /** Any span of a document's text (start and end are then required); its passages are found. */
    public record Span(String docId) implements Source {
    }
}
