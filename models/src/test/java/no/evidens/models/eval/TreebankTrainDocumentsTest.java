package no.evidens.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training files listed in the gold folder are rebuilt from their tokens and refused when they are not the listed text. */
class TreebankTrainDocumentsTest {
    private static final String TEXT = "Ny sjef i Fjordvik\n\n- Vi gleder oss, sier hun.";

    @Test
    void aListedFileIsRebuiltWithAParagraphAfterItsHeading(@TempDir Path dir) throws IOException {
        Path ndt = writeTreebank(dir);
        Path gold = Files.createDirectories(dir.resolve("gold"));
        Files.writeString(gold.resolve(TreebankTrainDocuments.RESOURCE), "# list\nzz001_0000\tdev\t2\t"
                + TreebankDocuments.check(TEXT) + "\n", StandardCharsets.UTF_8);
        BuildGold.use(gold);
        try {
            assertTrue(TreebankTrainDocuments.listed());
            List<TreebankDocuments.Doc> docs = TreebankTrainDocuments.read(ndt);
            assertEquals(1, docs.size());
            assertEquals("dev", docs.get(0).split());
            assertEquals(TEXT, docs.get(0).text());
        } finally {
            BuildGold.restore();
        }
    }

    @Test
    void aFileWhoseTextDiffersIsRefused(@TempDir Path dir) throws IOException {
        Path ndt = writeTreebank(dir);
        Path gold = Files.createDirectories(dir.resolve("gold"));
        Files.writeString(gold.resolve(TreebankTrainDocuments.RESOURCE), "zz001_0000\tdev\t2\t00000000\n",
                StandardCharsets.UTF_8);
        BuildGold.use(gold);
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TreebankTrainDocuments.read(ndt));
            assertTrue(e.getMessage().contains("zz001_0000"), e.getMessage());
        } finally {
            BuildGold.restore();
        }
        BuildGold.use(dir.resolve("none"));
        try {
            assertFalse(TreebankTrainDocuments.listed());
        } finally {
            BuildGold.restore();
        }
    }

    /** A made-up treebank file: a heading closed by {@code |}, then a dialogue sentence. */
    private static Path writeTreebank(Path dir) throws IOException {
        Path ndt = Files.createDirectories(dir.resolve("ndt"));
        Files.writeString(ndt.resolve("zz001_0000.conll"), String.join("\n",
                "1\tNy\tny\tadj\tadj\t_\t2\tATR\t_\tname=O",
                "2\tsjef\tsjef\tsubst\tsubst\t_\t0\tFRAG\t_\tname=O",
                "3\ti\ti\tprep\tprep\t_\t2\tATR\t_\tname=O",
                "4\tFjordvik\tFjordvik\tsubst\tsubst\tprop\t3\tPUTFYLL\t_\tname=B-GPE_LOC",
                "5\t|\t$|\tclb\tclb\t<overskrift>\t2\tIP\t_\tname=O",
                "",
                "1\t-\t$-\tclb\tclb\t_\t3\tIK\t_\tname=O",
                "2\tVi\tvi\tpron\tpron\t_\t3\tSUBJ\t_\tname=O",
                "3\tgleder\tglede\tverb\tverb\t_\t0\tFINV\t_\tname=O",
                "4\toss\tvi\tpron\tpron\t_\t3\tDOBJ\t_\tname=O",
                "5\t,\t$,\t<komma>\t<komma>\t_\t3\tIK\t_\tname=O",
                "6\tsier\tsi\tverb\tverb\t_\t3\tFINV\t_\tname=O",
                "7\thun\thun\tpron\tpron\t_\t6\tSUBJ\t_\tname=O",
                "8\t.\t$.\tclb\tclb\t<punkt>\t3\tIP\t_\tname=O", ""), StandardCharsets.UTF_8);
        return ndt;
    }
}
