package no.evidens.models.eval;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
