package no.evidens.evaluation.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The bench's corpus is fixed: figures of different versions are measured on the same passages. */
class PassageGeneratorTest {
    /** SHA-256 of the first 300 documents of the bench's seed, as generated before the generator was made faster. */
    private static final String FIRST_300 = "53b8d4c02248288ad449bfef128dc2ca6c15bbbe5ee24a916bdde6854ee088a3";

    @Test
    void theBenchGeneratesTheSameDocumentsAsBefore() throws Exception {
        PassageGenerator g = new PassageGenerator(CorpusVocabulary.ofSampleBundle(), SearchBench.SEED);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n < 300; n++) {
            sha.update(g.document(n).toString().getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(FIRST_300, HexFormat.of().formatHex(sha.digest()));
    }
}
