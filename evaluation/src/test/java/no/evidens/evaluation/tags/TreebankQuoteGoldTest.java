package no.evidens.evaluation.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.corpus.tags.TreebankQuoteGold;

/** The treebank quotation gold is read row by row (the refusal of a missing gold folder: models GoldFolderTest). */
class TreebankQuoteGoldTest {
    @Test
    void everyRowIsReadAsASpanWithItsCheck(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(TreebankQuoteGold.RESOURCE);
        Files.writeString(file, "# offsets only\naa001_0000\t3\t17\t0a1b2c3d\naa001_0001\t0\t5\tffffffff\n");
        List<TreebankQuoteGold.Span> gold = TreebankQuoteGold.load(file);
        assertEquals(List.of(new TreebankQuoteGold.Span("aa001_0000", 3, 17, "0a1b2c3d"),
                new TreebankQuoteGold.Span("aa001_0001", 0, 5, "ffffffff")), gold);
    }
}
