package no.evidens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A failure repeated at each try is logged when it begins, when its kind changes and once when it clears. */
class FailureLogTest {
    @Test
    void aFailureIsLoggedWhenItBeginsChangesAndClearsNotAtEachTry() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream was = System.err;
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        FailureLog log = new FailureLog(LoggerFactory.getLogger(FailureLogTest.class), "the state could not be saved", "the state is saved again");
        try {
            log.worked();
            assertFalse(log.failing());
            IOException full = new IOException("/hjem/kari/inbox.json: No space left on device");
            assertTrue(log.failed(new UncheckedIOException(full)));
            for (int i = 0; i < 10; i++) {
                assertFalse(log.failed(full), "the same failure again");
            }
            assertTrue(log.failing());
            assertTrue(log.failed(new AccessDeniedException("/hjem/kari/inbox.json")), "another kind of failure");
            log.worked();
            log.worked();
            assertFalse(log.failing());
            assertTrue(log.failed(full), "failing again after it worked");
        } finally {
            System.setErr(was);
        }
        String logged = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = logged.strip().split("\n");
        assertEquals(4, lines.length, logged);
        assertTrue(lines[0].endsWith("the state could not be saved: the disk is full (No space left on device) "
                + "(said once, and again when it changes or clears)"), lines[0]);
        assertTrue(lines[1].contains("the state could not be saved: java.nio.file.AccessDeniedException"), lines[1]);
        assertTrue(lines[2].endsWith("the state is saved again (after: java.nio.file.AccessDeniedException)"), lines[2]);
        assertFalse(logged.contains("kari"), "no file name (a path may name a person): " + logged);
    }
}
