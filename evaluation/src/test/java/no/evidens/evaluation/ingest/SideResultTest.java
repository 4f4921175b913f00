package no.evidens.evaluation.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SideResultTest {
    @Test
    void theBenchReadsBackWhatASidePrintsTheMetersAndTheWorkersCpuIncluded() {
        SideResult printed = new SideResult(12.345, 40.125, 758, 1100, 0.375, 6.25);

        assertEquals(printed, SideResult.parse(printed.line()));
    }
}
