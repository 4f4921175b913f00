package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;

class FailedLinesTest {

    /** A fault of ours in the receipt says its class and where Evidens threw it, so a user's report points at the code. */
    @Test
    void aFaultOfOursSaysWhereItWasThrownAndNotItsMessage() {
        RuntimeException fault;
        try {
            Object missing = System.getProperty("evidens.no.such.property.for.this.test");
            fault = new IllegalStateException("the text «Kari Nordmann» " + missing.hashCode());
        } catch (NullPointerException e) {
            fault = e;
        }
        ReceiptFile line = FailedLines.line("journaler/notat.txt", "journal", "ab12", fault);
        assertEquals(ReceiptFile.FAILED, line.status());
        assertEquals(Reason.UNEXPECTED.text(), line.reason());
        assertTrue(line.detail().matches("NullPointerException \\(at FailedLinesTest\\."
                + "aFaultOfOursSaysWhereItWasThrownAndNotItsMessage:\\d+\\)"), line.detail());
    }

    /** A library's message may quote the input: a fault's detail never carries it. */
    @Test
    void aFaultsMessageIsNotInTheReceipt() {
        ReceiptFile line = FailedLines.line("journaler/notat.txt", "journal", "ab12",
                new IllegalArgumentException("bad value «Kari Nordmann, 01017012345»"));
        assertTrue(line.detail().startsWith("IllegalArgumentException (at FailedLinesTest."), line.detail());
        assertTrue(!line.detail().contains("Kari"), line.detail());
    }

    /** A failure of the input keeps its own reason and detail. */
    @Test
    void anInputFailureKeepsItsReasonAndDetail() {
        ReceiptFile line = FailedLines.line("a.pdf", "styringsdokument", "cd34",
                new ExtractionException(Reason.ENCRYPTED, "media type application/pdf"));
        assertEquals(Reason.ENCRYPTED.text(), line.reason());
        assertEquals("media type application/pdf", line.detail());
    }
}
