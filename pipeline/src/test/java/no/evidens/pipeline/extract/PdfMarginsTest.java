package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which lines standing apart in a page's margins are furniture, on US Letter pages (792 pt high; margins 71 pt). */
class PdfMarginsTest {
    private static final float LETTER = 792f;

    /** A page of {text, top, size} lines, each line one word of the page. */
    private static PdfMargins.Page page(Object[]... lines) {
        List<PdfLayout.Word> words = new ArrayList<>();
        for (Object[] l : lines) {
            float size = ((Number) l[2]).floatValue();
            words.add(new PdfLayout.Word((String) l[0], ((Number) l[1]).floatValue(), size * 0.7f, 72, 300, 300, 0, size));
        }
        return PdfMargins.page(words, LETTER);
    }

    private static Object[][] body(float from) {
        Object[][] out = new Object[6][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Object[] {"Tilsynet har gått gjennom rutinene for mottak av meldinger, linje " + i + ".", from + 14 * i, 11};
        }
        return out;
    }

    private static Object[][] with(Object[][] body, Object[]... more) {
        List<Object[]> all = new ArrayList<>(List.of(more));
        all.addAll(List.of(body));
        return all.toArray(Object[][]::new);
    }

    @Test
    void aTitleInALargerTypeNearTheTopEdgeIsNotFurniture() {
        PdfMargins.Page first = page(with(body(130), new Object[] {"Internkontroll i barneverntjenesten i Solvik kommune", 52, 16},
                new Object[] {"Side 1 av 2", 760, 9}));
        PdfMargins.Page second = page(with(body(110), new Object[] {"3 Avviksbehandling", 55, 11},
                new Object[] {"Side 2 av 2", 760, 9}));
        assertEquals(List.of(List.of("Side 1 av 2"), List.of("Side 2 av 2")), PdfMargins.marginLines(List.of(first, second)));
    }

    @Test
    void aLargerTitleStaysOnASinglePageToo() {
        PdfMargins.Page only = page(with(body(130), new Object[] {"Tilsynsrapport", 52, 18}, new Object[] {"Side 1", 760, 11}));
        assertEquals(List.of(List.of("Side 1")), PdfMargins.marginLines(List.of(only)));
    }

    @Test
    void aRunningHeaderInTheBodysTypeGoesWhereAnotherPageRepeatsIt() {
        Object[] header = {"Statsforvalteren i Vestfjord – rapport fra tilsyn 2026", 40, 11};
        PdfMargins.Page first = page(with(body(110), header));
        PdfMargins.Page second = page(with(body(110), new Object[] {"Statsforvalteren i Vestfjord – rapport fra tilsyn 2027", 40, 11}));
        PdfMargins.Page third = page(body(110));
        assertEquals(List.of(List.of("Statsforvalteren i Vestfjord – rapport fra tilsyn 2026"),
                List.of("Statsforvalteren i Vestfjord – rapport fra tilsyn 2027"), List.of()),
                PdfMargins.marginLines(List.of(first, second, third)));
    }

    @Test
    void onALongerDocumentALineThatRepeatsNowhereStaysUnlessItIsSmallerOrAPageNumber() {
        PdfMargins.Page first = page(with(body(110), new Object[] {"Vedlegg til rapporten", 40, 11}, new Object[] {"7", 760, 11}));
        PdfMargins.Page second = page(with(body(110), new Object[] {"Utkast – ikke for offentlighet", 40, 8}));
        assertEquals(List.of(List.of("7"), List.of("Utkast – ikke for offentlighet")), PdfMargins.marginLines(List.of(first, second)));
    }

    @Test
    void aSinglePagesLetterheadInTheBodysTypeAndItsPageNumberAreStillFurniture() {
        PdfMargins.Page only = page(with(body(130), new Object[] {"Statsforvalteren i Vestfjord", 40, 11},
                new Object[] {"Side 1 av 1", 760, 11}));
        assertEquals(List.of(List.of("Statsforvalteren i Vestfjord", "Side 1 av 1")), PdfMargins.marginLines(List.of(only)));
    }
}
