package no.evidens.models.tag;

import java.util.List;

import no.evidens.models.TaggedSpan;

/**
 * A quotation: its inner text (without the quotation marks), how deep it is nested, and what is
 * unusual about it.
 *
 * @param start       first character inside the opening mark
 * @param end         the closing mark's index (one past the inner text); for an unclosed quotation the end
 *                    of the paragraph it was cut at
 * @param open        the opening mark ({@code «}, {@code ‹}, {@code “}, {@code ”}, {@code "}, {@code „})
 * @param depth       0 for a quotation in running text, 1 for one inside another, …
 * @param flags       {@value #UNCLOSED} (no closing mark: bounded at the end of its paragraph),
 *                    {@value #NESTED} (inside another quotation), {@value #MULTI_PARAGRAPH}
 * @param attribution the words that say who is quoted or where it is from ({@code sier leder},
 *                    {@code Det fremgår av intervjuer at}), type {@code ATTRIBUTION}; null when none is near
 */
public record Quotation(int start, int end, char open, int depth, List<String> flags, TaggedSpan attribution) {
    public static final String UNCLOSED = "unclosed";
    public static final String NESTED = "nested";
    public static final String MULTI_PARAGRAPH = "multi-paragraph";

    public Quotation {
        flags = List.copyOf(flags);
    }
}
