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

/** A file is hashed again after its reading only when it was changed after the ingest began. */
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
}
