package no.evidens.models.eval;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gold file that is not there is refused with a message saying where to set the folder. */
class GoldFolderTest {
    @Test
    void aMissingGoldFolderIsNamedWithWhereToSetIt(@TempDir Path dir) {
        BuildGold.use(dir.resolve("none"));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> GoldFolder.file("treebank-quotes.tsv"));
            assertTrue(e.getMessage().contains("EVIDENS_GOLD"), e.getMessage());
        } finally {
            BuildGold.restore();
        }
    }
}
