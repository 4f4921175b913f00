package no.evidens.models.tag;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The positions in one text that the quotation tagger's look-ups along a paragraph need, collected in one pass: the
 * paragraph breaks, the double marks that could open or close (not right after a digit), the guillemets, the marks that
 * end a single straight mark's search, and the single straight marks that can close. Each look-up is a binary search
 * over them, where the tagger used to read the paragraph from its start or to its end for every such mark: in a text of
 * one long paragraph full of straight marks that grew with marks × length (round 50). The answers are those of the
 * character scans (the tests keep the scans as the reference). Immutable; one per text tagged.
 */
final class MarkIndex {
    private static final String DOUBLE = "\"”″";

    private final String text;
    /** Every k where {@code "\n\n"} starts (overlapping ones too, as {@code indexOf} finds them), ascending. */
    private final int[] breaks;
    /** For each of {@link #DOUBLE}: where it stands not right after a digit. */
    private final int[][] doubles = new int[DOUBLE.length()][];
    private final int[] guillemets;
    /** » ” " “: where a single straight mark's closer is no longer looked for. */
    private final int[] singleStops;
    /** ' that {@link QuoteMarks#canClose can close}. */
    private final int[] singleClosers;
    private final int firstOpeningGuillemet;

    MarkIndex(String text) {
        this.text = text;
        IntStream.Builder breakAt = IntStream.builder();
        IntStream.Builder[] doubleAt = {IntStream.builder(), IntStream.builder(), IntStream.builder()};
        IntStream.Builder guillemetAt = IntStream.builder();
        IntStream.Builder stopAt = IntStream.builder();
        IntStream.Builder closerAt = IntStream.builder();
        int firstOpening = -1;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                if (k + 1 < text.length() && text.charAt(k + 1) == '\n') {
                    breakAt.add(k);
                }
                continue;
            }
            int d = DOUBLE.indexOf(c);
            if (d >= 0 && !(k > 0 && Character.isDigit(text.charAt(k - 1)))) {
                doubleAt[d].add(k);
            }
            if (c == '«' || c == '»') {
                guillemetAt.add(k);
                if (c == '«' && firstOpening < 0) {
                    firstOpening = k;
                }
            }
            if (c == '»' || c == '”' || c == '"' || c == '“') {
                stopAt.add(k);
            }
            if (c == '\'' && QuoteMarks.canClose(text, k)) {
                closerAt.add(k);
            }
        }
        breaks = breakAt.build().toArray();
        for (int d = 0; d < doubles.length; d++) {
            doubles[d] = doubleAt[d].build().toArray();
        }
        guillemets = guillemetAt.build().toArray();
        singleStops = stopAt.build().toArray();
        singleClosers = closerAt.build().toArray();
        firstOpeningGuillemet = firstOpening;
    }

    String text() {
        return text;
    }

    /** {@code text.indexOf("\n\n", from)}, or the text's length when there is none. */
    int paragraphEnd(int from) {
        int k = firstAtOrAfter(breaks, from);
        return k < breaks.length ? breaks[k] : text.length();
    }

    /** {@code text.lastIndexOf("\n\n", at)}: -1 when there is none. */
    int lastBreakAtOrBefore(int at) {
        int k = firstAtOrAfter(breaks, at + 1) - 1;
        return k >= 0 ? breaks[k] : -1;
    }

    /**
     * How many marks like the one at {@code i} (", ” or ″), not right after a digit, stand in its paragraph before it:
     * from the last paragraph break at or before {@code i} (or the text's start).
     */
    int sameDoublesBefore(int i) {
        int[] at = doubles[DOUBLE.indexOf(text.charAt(i))];
        int from = Math.max(lastBreakAtOrBefore(i), 0);
        return firstAtOrAfter(at, i) - firstAtOrAfter(at, from);
    }

    /** The first « or » at or after {@code from}, or -1. */
    int nextGuillemet(int from) {
        int k = firstAtOrAfter(guillemets, from);
        return k < guillemets.length ? guillemets[k] : -1;
    }

    /** The « and » in {@code [from, to)}, ascending. */
    int[] guillemetsWithin(int from, int to) {
        return Arrays.copyOfRange(guillemets, firstAtOrAfter(guillemets, from), firstAtOrAfter(guillemets, to));
    }

    /** Whether a « stands at or before {@code at}: {@code text.lastIndexOf('«', at) >= 0}. */
    boolean openingGuillemetBy(int at) {
        return firstOpeningGuillemet >= 0 && firstOpeningGuillemet <= at;
    }

    /** The first » ” " or “ at or after {@code from}, or the text's length. */
    int nextSingleStop(int from) {
        int k = firstAtOrAfter(singleStops, from);
        return k < singleStops.length ? singleStops[k] : text.length();
    }

    /** The first ' that can close at or after {@code from}, or the text's length. */
    int nextSingleCloser(int from) {
        int k = firstAtOrAfter(singleClosers, from);
        return k < singleClosers.length ? singleClosers[k] : text.length();
    }

    /** The index of the first element of the ascending {@code at} that is {@code >= value} ({@code at.length} if none). */
    private static int firstAtOrAfter(int[] at, int value) {
        int k = Arrays.binarySearch(at, value);
        return k >= 0 ? k : -k - 1;
    }
}
