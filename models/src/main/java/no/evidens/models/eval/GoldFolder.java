package no.evidens.models.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder of the gold made from the data in {@code ../shared} (the treebank's document list and quotation gold,
 * the offsets gold and the relevance judgements of the real report excerpts): being made from that data, it is
 * kept outside the repository, like the data itself. System property {@code evidens.gold}, else the environment's
 * {@code EVIDENS_GOLD}, else {@code ../evidens-gold} beside the checkout.
 */
public final class GoldFolder {
    private GoldFolder() {
    }

    public static Path dir() {
        String dir = System.getProperty("evidens.gold", System.getenv("EVIDENS_GOLD"));
        return Path.of(dir == null || dir.isBlank() ? "../evidens-gold" : dir);
    }

    /** A file of the gold folder, or a refusal saying where it is looked for and why it is not in the repository. */
    public static Path file(String name) {
        Path f = dir().resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new IllegalStateException("no " + name + " in " + dir().toAbsolutePath().normalize()
                    + ": gold made from ../shared is kept outside the repository; set EVIDENS_GOLD to its folder");
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
