package no.evidens.pipeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class OpeningTrailTest {
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final OpeningTrail trail = new OpeningTrail((user, caseId, docId, type, via) -> lines.add(user + " " + docId + " " + via),
            now::get);

    @Test
    void theWindowsOfOneOpeningWriteOneLine() {
        for (int window = 0; window < 5; window++) {
            trail.windowShown("kari", "sak", "logg", "journal", "opening-1");
        }
        assertEquals(List.of("kari logg arbeidsflaten"), lines);
        trail.windowShown("kari", "sak", "logg", "journal", "opening-2");
        assertEquals(2, lines.size(), "opened again: a line again");
        trail.windowShown("ola", "sak", "logg", "journal", "opening-2");
        trail.windowShown("kari", "sak", "notat", "journal", "opening-2");
        assertEquals(4, lines.size(), "another user, another document: their own lines, whatever the opening is called");
    }

    @Test
    void aWindowWithoutAnOpeningWritesItsLine() {
        trail.windowShown("kari", "sak", "logg", "journal", null);
        trail.windowShown("kari", "sak", "logg", "journal", null);
        assertEquals(2, lines.size());
    }

    @Test
    void anOpeningIsForgottenAfterItsTimeAndWritesAgain() {
        trail.windowShown("kari", "sak", "logg", "journal", "o");
        now.addAndGet(OpeningTrail.KEPT_MILLIS);
        trail.windowShown("kari", "sak", "logg", "journal", "o");
        assertEquals(2, lines.size());
    }

    @Test
    void aLineThatFailedIsWrittenByTheNextWindow() {
        List<String> written = new ArrayList<>();
        boolean[] fail = {true};
        OpeningTrail failing = new OpeningTrail((user, caseId, docId, type, via) -> {
            if (fail[0]) {
                throw new IllegalStateException("the trail cannot be written");
            }
            written.add(docId);
        }, now::get);
        try {
            failing.windowShown("kari", "sak", "logg", "journal", "o");
        } catch (IllegalStateException expected) {
            fail[0] = false;
        }
        failing.windowShown("kari", "sak", "logg", "journal", "o");
        assertEquals(List.of("logg"), written);
    }
}
