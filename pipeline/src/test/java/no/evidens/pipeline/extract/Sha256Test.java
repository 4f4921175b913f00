package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
    @TempDir
    Path dir;

    /** Sizes around each buffer's bounds: a file's buffer follows its size, so each must still be read to its end. */
    @Test
    void aFileHashesToTheDigestOfAllItsBytesWhateverItsSize() throws Exception {
        int[] sizes = {0, 1, Sha256.MIN_FILE_BUFFER - 1, Sha256.MIN_FILE_BUFFER, Sha256.MIN_FILE_BUFFER + 1, 10_000,
            Sha256.BUFFER - 1, Sha256.BUFFER, Sha256.BUFFER + 1, 3 * Sha256.BUFFER + 17};
        Random random = new Random(28);
        for (int size : sizes) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path file = Files.write(dir.resolve("f" + size), bytes);
            assertEquals(digest(bytes), Sha256.of(file), "a file of " + size + " bytes");
            assertEquals(digest(bytes), Sha256.of(new ByteArrayInputStream(bytes)), "a stream of " + size + " bytes");
        }
    }

    @Test
    void theEmptyFileHasTheKnownDigest() throws IOException {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Sha256.of(Files.write(dir.resolve("empty"), new byte[0])));
    }

    private static String digest(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
