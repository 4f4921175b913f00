package no.evidens.evaluation.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.ingest.Receipt;

class PeerEvalPrintTest {
    private static String printed(PeerEval.Result result) {
        StringWriter text = new StringWriter();
        PeerEval.print(result, new PrintWriter(text));
        return text.toString();
    }

    private static PeerEval.Result result(List<PeerEval.FileResult> files) {
        Receipt receipt = new Receipt("peers", "made-up", null, List.of(), new Receipt.Counts(files.size(), 0, 0, 0));
        return new PeerEval.Result(files, receipt, 0, 1_000);
    }

    @Test
    void theWordTotalsArePrintedAndAFileTikaAloneGaveUpOnIsNamed() {
        PeerEval.Result r = result(List.of(
                new PeerEval.FileResult("office/slides.odp", 0, 1_846, 1, "indexed", null, List.of(), "timed out"),
                new PeerEval.FileResult("text/notat.txt", 120, 118, 1, "indexed", null, List.of(), null)));
        assertEquals(120, r.tikaWords());
        assertEquals(1_964, r.evidensWords());
        String out = printed(r);
        assertTrue(out.contains("Words over all files: Tika alone 120, Evidens 1964."), out);
        assertTrue(out.contains("Files Tika alone gave up on (its words there may be short): 1 [office/slides.odp (timed out)]"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("office/slides.odp") && l.endsWith("(Tika alone: timed out)")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("text/notat.txt") && !l.contains("Tika alone")), out);
    }

    @Test
    void noFileGivenUpOnSaysNone() {
        String out = printed(result(List.of(new PeerEval.FileResult("text/notat.txt", 5, 5, 1, "indexed", null, List.of(), null))));
        assertTrue(out.contains("Files Tika alone gave up on (its words there may be short): 0" + System.lineSeparator()), out);
    }
}
