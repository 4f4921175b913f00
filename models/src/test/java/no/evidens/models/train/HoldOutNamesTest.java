package no.evidens.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import no.evidens.models.eval.NameEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which treebank files the hold-out name model never sees, and that the name evaluation reads exactly those. */
class HoldOutNamesTest {
    @TempDir
    Path dir;

    @Test
    void everySixthTrainPartFileInNameOrderIsHeldOutAndDevPartFilesNeverAre() throws IOException {
        for (int i = 0; i < 13; i++) {
            Files.writeString(dir.resolve(String.format("ap%03d_0000.conll", i + 1)), "");
        }
        Files.writeString(dir.resolve("ap013_0000.conll"), ""); // after ap012_0002: UD dev part
        Files.writeString(dir.resolve("notes.txt"), "");
        List<String> held = HoldOutNames.held(dir).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("ap006_0000.conll", "ap012_0000.conll"), held);
        assertEquals(12, HoldOutNames.trainPart(dir).size());
        assertEquals(HoldOutNames.held(dir), NameEvaluation.files(dir, NameEvaluation.HOLDOUT));
        assertEquals(List.of("ap013_0000.conll"),
                NameEvaluation.files(dir, "all").stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void theSecondFoldHoldsOutOtherFilesThanTheFirstAndIsReadAsHoldout2() throws IOException {
        for (int i = 0; i < 13; i++) {
            Files.writeString(dir.resolve(String.format("ap%03d_0000.conll", i + 1)), "");
        }
        List<String> second = HoldOutNames.held(dir, 2).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("ap003_0000.conll", "ap009_0000.conll"), second);
        assertEquals(HoldOutNames.held(dir, 2), NameEvaluation.files(dir, NameEvaluation.HOLDOUT2));
        assertEquals(HoldOutNames.held(dir), HoldOutNames.held(dir, 1));
    }

    @Test
    void theThirdFoldHoldsOutTheFilesOfNeitherOtherFoldAndIsReadAsHoldout3() throws IOException {
        for (int i = 0; i < 13; i++) {
            Files.writeString(dir.resolve(String.format("ap%03d_0000.conll", i + 1)), "");
        }
        List<String> third = HoldOutNames.held(dir, 3).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("ap001_0000.conll", "ap007_0000.conll"), third);
        assertEquals(HoldOutNames.held(dir, 3), NameEvaluation.files(dir, NameEvaluation.HOLDOUT3));
    }

    @Test
    void theSixFoldsTogetherHoldOutEveryTrainPartFileExactlyOnceAndFoldsFourToSixAreReadAsHoldout4To6() throws IOException {
        for (int i = 0; i < 13; i++) {
            Files.writeString(dir.resolve(String.format("ap%03d_0000.conll", i + 1)), "");
        }
        List<Path> all = new ArrayList<>();
        for (int fold = 1; fold <= HoldOutNames.FOLDS; fold++) {
            all.addAll(HoldOutNames.held(dir, fold));
        }
        assertEquals(HoldOutNames.trainPart(dir).size(), all.size());
        assertEquals(Set.copyOf(HoldOutNames.trainPart(dir)), Set.copyOf(all));
        List<String> fourth = HoldOutNames.held(dir, 4).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("ap002_0000.conll", "ap008_0000.conll"), fourth);
        assertEquals(HoldOutNames.held(dir, 4), NameEvaluation.files(dir, "holdout4"));
        assertEquals(HoldOutNames.held(dir, 6), NameEvaluation.files(dir, "holdout6"));
        assertFalse(NameEvaluation.isHoldout("holdout7"));
        assertThrows(IllegalArgumentException.class, () -> HoldOutNames.held(dir, 7));
    }

    @Test
    void aFilesGenreIsItsNamePrefixAndTheTestSplitsGenresComeFromItsFileNames() throws IOException {
        assertEquals("db", NameEvaluation.genre(Path.of("db001a_0000.conll")));
        assertEquals("blogg-bm", NameEvaluation.genre(Path.of("blogg-bm003_0001.conll")));
        for (String name : List.of("ap013_0000", "ap013_0001", "db014_0000", "db014_0001", "vg003_0000", "kk006_0000")) {
            Files.writeString(dir.resolve(name + ".conll"), ""); // all past the train ranges: UD dev part
        }
        // test = the 2nd, 4th, … dev-part file in name order: ap013_0001, db014_0001, vg003_0000
        assertEquals(List.of("ap", "db", "vg"), NameEvaluation.genres(dir, "test"));
        assertEquals(List.of("ap", "db", "kk"), NameEvaluation.genres(dir, "dev"));
    }
}
