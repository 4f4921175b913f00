package no.evidens.evaluation.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WarmUpTest {
    private static WarmUp.Pass pass(int n, double jitShare) {
        return new WarmUp.Pass(n, 2.0, jitShare * 2000);
    }

    @Test
    void settledOnlyAfterTwoQuietPassesInARow() {
        assertFalse(WarmUp.settled(List.of(pass(1, 0.01))), "one quiet pass is not enough");
        assertFalse(WarmUp.settled(List.of(pass(1, 0.01), pass(2, 0.20))), "the last pass still compiled a lot");
        assertFalse(WarmUp.settled(List.of(pass(1, 0.01), pass(2, 0.20), pass(3, 0.01))), "quiet passes must follow each other");
        assertTrue(WarmUp.settled(List.of(pass(1, 0.30), pass(2, 0.02), pass(3, 0.03))));
    }

    @Test
    void runsEveryPassUpToTheCapAndPrintsEach() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        StringWriter out = new StringWriter();
        WarmUp.Result r = WarmUp.run(runs::incrementAndGet, 4, new PrintWriter(out));
        assertTrue(r.passes().size() >= 1 && r.passes().size() <= 4, r.toString());
        assertEquals(r.passes().size(), runs.get(), "one run of the mix a pass");
        assertEquals(r.passes().size(), out.toString().lines().filter(l -> l.contains("warm-up pass")).count());
        assertTrue(r.describe().contains("passes of the whole query mix"), r.describe());
        assertEquals(r.settled(), r.jitTimeKnown() && WarmUp.settled(r.passes()), "settled means the last two passes were quiet");
    }
}
