package no.evidens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's generated bundle: every format in turn, no two files the same bytes, the same files every time. */
class MixedBundleTest {
    @TempDir
    Path dir;

    @Test
    void fiveFormatsDistinctBytesAndRepeatable() throws Exception {
        List<Path> files = MixedBundle.writeTo(dir.resolve("a"), 10, 14L);
        Set<String> formats = new TreeSet<>();
        Set<String> hashes = new TreeSet<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            formats.add(name.substring(name.lastIndexOf('.') + 1));
            hashes.add(sha(f));
        }
        assertEquals(Set.of("pdf", "docx", "html", "txt", "eml"), formats);
        assertEquals(10, hashes.size(), "no duplicates: ingest would skip them");
        List<Path> again = MixedBundle.writeTo(dir.resolve("b"), 10, 14L);
        for (int i = 0; i < files.size(); i++) {
            assertEquals(sha(files.get(i)), sha(again.get(i)), files.get(i).getFileName().toString());
        }
    }

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }
}
