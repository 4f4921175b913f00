package no.evidens.corpus.tags;

import java.util.List;

/**
 * One marked span of the tag gold data.
 *
 * @param kind     {@code q} quotation (inner text), {@code i} indicator mention, {@code l} legal reference,
 *                 {@code p} personal data
 * @param label    the indicator id ({@code i}), the law ({@code l}, {@code ?} when the text does not say),
 *                 the personal-data type ({@code p}: PERSON, FODSELSNUMMER, D_NUMMER, PHONE, EMAIL, ADDRESS),
 *                 or the quotation's flags ({@code q}: empty, or e.g. {@code unclosed})
 * @param sections the sections of a legal reference, normalised (empty for the other kinds)
 * @param start    first character in the document's plain text
 * @param end      one past the last character
 */
public record GoldTag(String kind, String label, List<String> sections, int start, int end) {
    public GoldTag {
        sections = List.copyOf(sections);
    }
}
