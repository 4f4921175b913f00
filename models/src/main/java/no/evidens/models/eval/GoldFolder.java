package no.evidens.models.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder of the project's gold over the data in {@code ../shared} (the treebank's document list and quotation
 * gold, the offsets gold and the relevance judgements of the real report excerpts). It holds offsets, checks,
 * grades and the project's own queries, never a sentence of that data, and it is kept in the repository's
 * {@code gold/} folder so that anyone can rerun the evaluations. System property {@code evidens.gold}, else the
 * environment's {@code EVIDENS_GOLD} (another copy, for example one being extended), else {@code gold} under the
 * working directory; the launcher and the Maven build name the checkout's {@code gold/} unless
 * {@code EVIDENS_GOLD} is set.
 */
public final class GoldFolder {
    private GoldFolder() {
    }

    public static Path dir() {
        String dir = System.getProperty("evidens.gold", System.getenv("EVIDENS_GOLD"));
        return Path.of(dir == null || dir.isBlank() ? "gold" : dir);
    }

    /** A file of the gold folder, or a refusal saying where it was looked for and how to name another folder. */
    public static Path file(String name) {
        Path f = dir().resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("no " + name + " in " + dir().toAbsolutePath().normalize()
                    + ": the repository's gold/ folder holds the gold; set EVIDENS_GOLD to a folder that has this file");
        }
        return f;
    }

    /** The rows of a tab-separated file of the gold folder, its blank and {@code #} comment lines left out. */
    public static List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file(name), StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
        return out;
    }
}
