package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.corpus.tags.TreebankQuoteGold;
import no.evidens.models.eval.GoldFolder;
import no.evidens.models.eval.TreebankDocuments;

/** The treebank quotation gold is read from the gold folder, and its absence is said plainly. */
class TreebankQuoteGoldTest {
    /** The gold folder the build names (the checkout's gold/), put back after a test that names its own. */
    private static final String BUILD_GOLD = System.getProperty("evidens.gold");

    private static void restoreBuildGold() {
        if (BUILD_GOLD == null) {
            System.clearProperty("evidens.gold");
        } else {
            System.setProperty("evidens.gold", BUILD_GOLD);
        }
    }

    @Test
    void everyRowIsReadAsASpanWithItsCheck(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(TreebankQuoteGold.RESOURCE);
        Files.writeString(file, "# offsets only\naa001_0000\t3\t17\t0a1b2c3d\naa001_0001\t0\t5\tffffffff\n");
        List<TreebankQuoteGold.Span> gold = TreebankQuoteGold.load(file);
        assertEquals(List.of(new TreebankQuoteGold.Span("aa001_0000", 3, 17, "0a1b2c3d"),
                new TreebankQuoteGold.Span("aa001_0001", 0, 5, "ffffffff")), gold);
    }

    @Test
    void aMissingGoldFolderIsNamedWithWhereToSetIt(@TempDir Path dir) {
        System.setProperty("evidens.gold", dir.resolve("none").toString());
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> GoldFolder.file(TreebankQuoteGold.RESOURCE));
            assertTrue(e.getMessage().contains("EVIDENS_GOLD"), e.getMessage());
        } finally {
            restoreBuildGold();
        }
    }
}
