package no.evidens.models.tag;

import java.util.List;

/**
 * A reference to a law or regulation, normalised.
 *
 * @param law      the law's short Bokmål name in lower case ({@code barnevernloven}, {@code helse- og
 *                 omsorgstjenesteloven}, {@code internkontrollforskriften}, or {@code forskrift om …}), or null
 *                 when the text does not say which law and no earlier reference tells
 * @param sections the sections referred to, in order: {@code 4-3}, {@code 6-3a}, {@code 13 (1) nr. 1},
 *                 {@code 2-3 (4) bokstav a}, {@code 34 (2) punktum 2}; ranges are spelt out
 * @param start    first character of the reference (the law's name, or the § when the name follows or is missing)
 * @param end      one past the last character
 */
public record LegalReference(String law, List<String> sections, int start, int end) {
    public LegalReference {
        sections = List.copyOf(sections);
    }
}
