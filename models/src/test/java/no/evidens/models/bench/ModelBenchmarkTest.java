package no.evidens.models.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import no.evidens.models.NorwegianModels;
import org.junit.jupiter.api.Test;

/** Only that the benchmark runs on a tiny input and prints its fields; no timing is checked. */
class ModelBenchmarkTest {

    @Test
    void runsOnATinyInputAndPrintsTheFields() {
        List<String> texts = List.of("1 Innledning\n\nKommunen har en rutine, jf. § 4-3. Kari B. Nilsen leder NAV Fjordvik.");
        ModelBenchmark.Result result = ModelBenchmark.run(NorwegianModels::shared, texts, 0, 0);
        assertEquals(1, result.documents());
        assertTrue(result.models().rounds() >= 1 && result.baseline().rounds() >= 1);
        assertEquals(3, result.models().sentences() / result.models().rounds());
        // the regex baseline also splits after the initial "B."
        assertEquals(4, result.baseline().sentences() / result.baseline().rounds());
        assertTrue(result.models().tokens() > 0 && result.baseline().tokens() > 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelBenchmark.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        for (String field : List.of("model load (cold)", " ms", "sentences/s", "tokens/s", "characters/s",
                "models ", "baseline ", "ratio")) {
            assertTrue(out.contains(field), "prints " + field + ":\n" + out);
        }
    }
}
