package no.evidens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JSON file that cannot be put in place leaves nothing half-written beside it (before: its {@code .tmp} stayed). */
class JsonWriteTest {
    @TempDir
    Path tmp;

    @Test
    void aFileThatCannotBeMovedIntoPlaceLeavesNoTemporaryFile() throws Exception {
        // a folder with a file in it where the file goes: the move into place fails, as a write on a full disk does
        Path target = Files.createDirectories(tmp.resolve("kvittering.json"));
        Files.writeString(target.resolve("inni.txt"), "x");
        assertThrows(UncheckedIOException.class, () -> Json.write(Map.of("a", 1), target));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(target), left.toList());
        }
    }
}
