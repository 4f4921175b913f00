package no.evidens.pipeline.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.findings.FindingStore;
import no.evidens.findings.trail.AuditEntry;
import no.evidens.findings.trail.TrailCheck;
import no.evidens.pipeline.fixture.ChildJvm;

/**
 * A process killed right after its writer said an entry was written still has the entry: in the store, in
 * the chain file, and the trail intact (the response a server sends after {@code record} always has its line).
 */
class TrailCrashIT {
    @TempDir
    Path home;

    @Test
    void everyEntryReportedWrittenSurvivesAKilledProcess() throws Exception {
        Path store = home.resolve("findings");
        Path chain = home.resolve(AuditService.CHAIN_FILE);
        Process p = new ProcessBuilder(ChildJvm.with(ChildJvm.of(TrailCrashChild.class), store.toString(), chain.toString(), "40"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> reported = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(9, p.exitValue(), "halted, not closed");
        assertEquals(40, reported.size());
        assertEquals(40, Files.readAllLines(chain).size());
        try (FindingStore s = FindingStore.open(store)) {
            List<Long> ids = s.trail(chain).entries(null, null, null).stream().map(AuditEntry::id).toList();
            for (String id : reported) {
                assertTrue(ids.contains(Long.parseLong(id)), "entry #" + id + " survives");
            }
            TrailCheck check = s.trail(chain).verify();
            assertTrue(check.intact(), check.problems().toString());
        }
    }
}
