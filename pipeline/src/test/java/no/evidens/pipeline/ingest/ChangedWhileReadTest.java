package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.extract.ExtractionException;
import no.evidens.pipeline.extract.Reason;
import no.evidens.pipeline.extract.Sha256;

/** A file is hashed again after its reading only when it was changed after the ingest began or after its hashing. */
class ChangedWhileReadTest {
    private static final String OTHER_HASH = "0".repeat(64);

    @TempDir
    Path tmp;

    @Test
    void aFileChangedSinceTheStartIsHashedAgainAndOneChangedBeforeIsNot() throws Exception {
        Path file = Files.writeString(tmp.resolve("notat.txt"), "Ansvarsgruppen møttes i mars.");
        String hash = Sha256.of(file);

        ChangedWhileRead begunBefore = ChangedWhileRead.since(Instant.now().minus(Duration.ofHours(1)));
        assertDoesNotThrow(() -> begunBefore.requireUnchanged(file, hash), "the same bytes");
        ExtractionException e = assertThrows(ExtractionException.class, () -> begunBefore.requireUnchanged(file, OTHER_HASH));
        assertEquals(Reason.CHANGED_DURING_INGEST, e.reason());

        // written before the ingest began: not hashed again, so not even a wrong hash is seen
        ChangedWhileRead begunAfter = ChangedWhileRead.since(Instant.now().plus(Duration.ofHours(1)));
        assertDoesNotThrow(() -> begunAfter.requireUnchanged(file, OTHER_HASH));
        assertDoesNotThrow(() -> ChangedWhileRead.NONE.requireUnchanged(file, OTHER_HASH));
    }

    /**
     * The bundle on a file server whose clock is an hour behind this machine's: a file written to during the ingest
     * shows a change time before the ingest began, and is hashed again all the same, since its time is not the one it
     * had when it was hashed.
     */
    @Test
    void aFileChangedAfterItsHashingIsHashedAgainWhenItsClockIsBehind() throws Exception {
        Path file = Files.writeString(tmp.resolve("notat.txt"), "Ansvarsgruppen møttes i mars.");
        ChangedWhileRead begunLater = ChangedWhileRead.since(Instant.now().plus(Duration.ofHours(1)));
        String hash = begunLater.hash(file);
        assertEquals(Sha256.of(file), hash);
        assertDoesNotThrow(() -> begunLater.requireUnchanged(file, OTHER_HASH),
                "unchanged since its hashing: not hashed again, so not even a wrong hash is seen");

        untilTheFileClockTicks(file);
        Files.writeString(file, "Ansvarsgruppen møttes aldri, skrev koordinatoren.");
        ExtractionException e = assertThrows(ExtractionException.class, () -> begunLater.requireUnchanged(file, hash));
        assertEquals(Reason.CHANGED_DURING_INGEST, e.reason());
    }

    /**
     * Returns once a write would give the file another change time than it has: a file beside it is written until its
     * change time differs (the file clock has ticked; a few milliseconds at most).
     */
    private static void untilTheFileClockTicks(Path file) throws Exception {
        Object had = Files.getAttribute(file, "unix:ctime");
        Path probe = file.resolveSibling(file.getFileName() + ".tikk");
        do {
            Files.writeString(probe, "tikk");
        } while (Files.getAttribute(probe, "unix:ctime").equals(had));
    }
}
