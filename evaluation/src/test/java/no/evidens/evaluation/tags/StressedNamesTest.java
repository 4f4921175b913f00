package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.models.TaggedSpan;

class StressedNamesTest {
    /** Made-up names: the stress rule drops «Kari Quillan» and «Zorbek», keeps «Tor Quillan» and any place. */
    private static final String TEXT = "Kari Quillan møtte Tor Quillan i Zorbek. Zorbek sa at Kari Quillan kom.";

    @Test
    void dropsTheSamePersonNamesEverywhereAndKeepsTheRest() {
        List<TaggedSpan> found = new ArrayList<>();
        found.add(span("PER", "Kari Quillan", 0));
        found.add(span("PER", "Tor Quillan", 0));
        found.add(span("LOC", "Zorbek", 0));
        found.add(span("PER", "Zorbek", TEXT.indexOf("Zorbek sa")));
        found.add(span("PER", "Kari Quillan", TEXT.indexOf("Kari Quillan kom")));

        List<TaggedSpan> kept = new StressedNames(text -> found).names(TEXT);

        assertEquals(List.of(found.get(1), found.get(2)), kept);
    }

    private static TaggedSpan span(String type, String name, int from) {
        int start = TEXT.indexOf(name, from);
        return new TaggedSpan(type, start, start + name.length());
    }

    @Test
    void eachPersonNameIsDroppedInExactlyOneQuarterAndTheDefaultIsQuarterZero() {
        List<TaggedSpan> found = List.of(span("PER", "Kari Quillan", 0), span("PER", "Tor Quillan", 0), span("PER", "Zorbek", 0),
                span("LOC", "Zorbek", 0));
        int[] dropped = new int[found.size()];
        for (int q = 0; q < StressedNames.QUARTERS; q++) {
            List<TaggedSpan> kept = new StressedNames(text -> found, q).names(TEXT);
            for (int i = 0; i < found.size(); i++) {
                dropped[i] += kept.contains(found.get(i)) ? 0 : 1;
            }
        }
        assertEquals(List.of(1, 1, 1, 0), Arrays.stream(dropped).boxed().toList());
        assertEquals(new StressedNames(text -> found).names(TEXT), new StressedNames(text -> found, 0).names(TEXT));
    }
}
