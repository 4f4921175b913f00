package no.evidens.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import opennlp.tools.util.Span;

/** A sentence's tokens kept as offsets read as the spans a list of them held. */
class TokenSpansTest {
    @Test
    void theSpansAreThoseOfTheTokenizerInOrderAndCannotBeChanged() {
        Span[] spans = {new Span(0, 3), new Span(4, 9), new Span(9, 10)};
        List<TaggedSpan> expected = new ArrayList<>();
        for (Span s : spans) {
            expected.add(new TaggedSpan("TOKEN", s.getStart(), s.getEnd()));
        }
        List<TaggedSpan> tokens = new TokenSpans(spans);
        assertEquals(expected, tokens);
        assertEquals(expected.hashCode(), tokens.hashCode());
        assertEquals(1, tokens.indexOf(new TaggedSpan("TOKEN", 4, 9)));
        assertEquals(expected.subList(1, 3), tokens.subList(1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> tokens.get(3));
        assertThrows(UnsupportedOperationException.class, () -> tokens.add(new TaggedSpan("TOKEN", 10, 11)));
    }
}
