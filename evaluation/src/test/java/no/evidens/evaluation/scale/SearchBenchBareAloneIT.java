package no.evidens.evaluation.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search bench's baseline timed again in a JVM of its own: the same queries, the same hits, both ratios printed. */
class SearchBenchBareAloneIT {
    @TempDir
    Path tmp;

    @Test
    void theBareQueryAloneFindsWhatItFindsBesideEvidensAndTheTargetIsJudgedAgainstTheFasterOne() throws Exception {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        SearchBench.Report r = new SearchBench(3_000, 5, 2, 2, 2, true).run(tmp.resolve("index"), w);
        SearchBench.print(r, w);
        w.flush();
        SearchBench.Latencies beside = r.latency(SearchBench.BARE);
        SearchBench.Latencies alone = r.latency(BareTermAlone.NAME);
        assertEquals(beside.queries(), alone.queries(), "the same queries");
        assertEquals(beside.totalHitsMedian(), alone.totalHitsMedian(), "the same hits");
        assertTrue(alone.totalHitsMedian() > 0 && alone.p50() > 0 && alone.p50() <= alone.p95(), alone.toString());
        String s = out.toString();
        double term = r.latency("term").p50();
        String faster = String.format(java.util.Locale.ROOT, "against the faster baseline, %.1f×",
                term / Math.min(beside.p50(), alone.p50()));
        assertTrue(s.contains(faster), faster + " in\n" + s);
        assertTrue(s.contains("÷ bare TermQuery in a JVM of its own"), s);
    }
}
