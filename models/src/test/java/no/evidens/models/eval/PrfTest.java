package no.evidens.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PrfTest {
    @Test
    void countsExactMatchesAcrossUnits() {
        Prf prf = new Prf();
        prf.add(List.of(1, 2, 3, 4), List.of(2, 3, 5));   // 2 correct of 3 predicted, 4 gold
        prf.add(List.of(10), List.of(10));              // 1 correct
        assertEquals(3, prf.truePositives());
        assertEquals(4, prf.predicted());
        assertEquals(5, prf.gold());
        assertEquals(0.75, prf.precision(), 1e-9);
        assertEquals(0.6, prf.recall(), 1e-9);
        assertEquals(2 * 0.75 * 0.6 / 1.35, prf.f1(), 1e-9);
    }

    @Test
    void emptyIsPerfectAndNothingFoundIsZero() {
        Prf empty = new Prf();
        assertEquals(1.0, empty.f1(), 1e-9);
        Prf none = new Prf();
        none.add(List.of("a"), List.of());
        assertEquals(0.0, none.f1(), 1e-9);
    }
}
