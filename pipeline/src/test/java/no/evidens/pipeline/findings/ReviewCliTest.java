package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.fixture.CliRun;

/** The review of a finding from the command line, a stale edit refused, and all of it in the history and the trail. */
class ReviewCliTest {
    @TempDir
    Path tmp;
    CaseFixture fx;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        fx = CaseFixture.create(tmp);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(fx.home.toString());
        CliRun r = CliRun.of(all);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void submitApproveLockReopen() {
        String c = CaseFixture.CASE;
        assertEquals(0, run("finding", "create", "--case", c, "--kind", "avvik", "--user", "kari", "--title", "Ingen oversikt"), err);
        assertEquals(0, run("finding", "edit", "avvik-1", "--case", c, "--user", "kari", "--text", "Første.", "--expect-version", "1"), err);
        assertEquals(1, run("finding", "edit", "avvik-1", "--case", c, "--user", "ola", "--text", "Andre.", "--expect-version", "1"));
        assertTrue(err.contains("avvik-1 was changed by kari in between: the change was made on version 1, the finding is at version 2"), err);

        assertEquals(1, run("finding", "approve", "avvik-1", "--case", c));
        assertTrue(err.contains("send it to review first"), err);
        assertEquals(0, run("finding", "submit", "avvik-1", "--case", c, "--user", "kari"), err);
        assertEquals("Sent to review avvik-1: til gjennomgang (version 3)", out.strip());
        assertEquals(0, run("finding", "approve", "avvik-1", "--case", c, "--user", "leder"), err);
        assertEquals(1, run("finding", "edit", "avvik-1", "--case", c, "--user", "kari", "--title", "Endret"));
        assertTrue(err.contains("avvik-1 is approved (godkjent) and locked"), err);
        assertEquals(0, run("finding", "reopen", "avvik-1", "--case", c, "--user", "leder"), err);
        assertEquals(0, run("finding", "show", "avvik-1", "--case", c), err);
        assertTrue(out.contains("[utkast, version 5]"), out);

        assertEquals(0, run("finding", "history", "--case", c), err);
        for (String action : List.of("submit", "approve", "reopen")) {
            assertTrue(out.contains(action), out);
        }
        assertEquals(0, run("audit", "--case", c, "--user", "leder"), err);
        assertTrue(out.contains("leder finding-approve finding avvik-1 (godkjent, versjon 4)"), out);
    }
}
