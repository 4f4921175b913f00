package no.evidens.models.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The Universal Dependencies train/dev split of the treebank files, by file name, from the training
 * ranges of the UD_Norwegian-Bokmaal README ("Data splits"). Every other file is dev.
 */
public final class UdSplit {
    private record Range(String first, String last) {
        boolean contains(String name) {
            return name.compareTo(first) >= 0 && name.compareTo(last) <= 0;
        }
    }

    private static final List<Range> TRAIN = List.of(
            new Range("ap001_0000", "ap012_0002"),
            new Range("bt001_0000", "bt005_0001"),
            new Range("db001a_0000", "db013_0004"),
            new Range("kk001_0000", "kk005_0001"),
            new Range("sp-bm001_0000", "sp-bm001_9999"),
            new Range("vg001_0000", "vg002_0003"),
            new Range("blogg-bm001_0000", "blogg-bm003_0000"),
            new Range("nou001_0000", "nou004_0000"),
            new Range("st001_0000", "st005_0000"));

    private UdSplit() {
    }

    /** Whether the treebank file belongs to the UD train part. */
    public static boolean isTrain(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        for (Range range : TRAIN) {
            if (range.contains(base)) {
                return true;
            }
        }
        return false;
    }
}
