package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextWindowTest {
    /** 3,000 lines of 10 characters each (the line break the tenth). */
    private static final String LINES = "123456789\n".repeat(3_000);

    @Test
    void aWindowFromAnOffsetBeginsThereAndEndsAtTheEndOfItsLine() {
        TextWindow w = TextWindow.from(LINES, 1_005, 1_000);
        assertEquals(1_005, w.from(), "exactly where asked: the window after another meets it");
        assertEquals(2_010, w.to(), "run on from 2,005 to the end of that line");
        assertEquals(LINES.substring(1_005, 2_010), w.of(LINES));
        TextWindow next = TextWindow.from(LINES, w.to(), 1_000);
        assertEquals(2_010, next.from());
        assertEquals(3_010, next.to(), "an end already at a line's start stays");
    }

    @Test
    void aWindowAroundAnOffsetHasItInTheMiddleAndBeginsAtItsLinesStart() {
        TextWindow w = TextWindow.around(LINES, 10_004, 2_000);
        assertEquals(9_000, w.from(), "9,004 taken back to the start of its line");
        assertEquals(11_000, w.to());
        assertEquals(new TextWindow(0, 2_000), TextWindow.around(LINES, 3, 2_000), "near the start: from the start");
    }

    @Test
    void windowsStopAtTheTextsEnds() {
        assertEquals(new TextWindow(29_000, 30_000), TextWindow.from(LINES, 29_000, 5_000));
        assertEquals(new TextWindow(30_000, 30_000), TextWindow.from(LINES, 99_999, 1_000), "past the end: empty, at the end");
        assertEquals(new TextWindow(29_500, 30_000), TextWindow.around(LINES, 99_999, 1_000));
        assertEquals(new TextWindow(0, 7), TextWindow.from("kort ja", 0, 200_000), "a small text in one window");
    }

    @Test
    void aLineLongerThanTheReachIsCutWhereTheSizeSays() {
        String oneLine = "x".repeat(10_000);
        assertEquals(new TextWindow(0, 1_000), TextWindow.from(oneLine, 0, 1_000));
        assertEquals(new TextWindow(4_500, 5_500), TextWindow.around(oneLine, 5_000, 1_000));
    }
}
