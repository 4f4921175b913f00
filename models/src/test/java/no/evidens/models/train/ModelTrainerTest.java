package no.evidens.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import no.evidens.models.NorwegianModels;
import no.evidens.models.eval.ConlluReader;
import no.evidens.models.eval.ModelEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains tiny models on a tiny fictional treebank fixture: the run works and is reproducible. */
class ModelTrainerTest {
    @TempDir
    Path dir;

    private static String token(int id, String form, String name) {
        return id + "\t" + form + "\t_\tx\tx\t_\t0\tX\t_\tname=" + name;
    }

    private void writeFixture(Path data, String file, int copies) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            lines.add(token(1, "Kari", "B-PER"));
            lines.add(token(2, "Nordby", "I-PER"));
            lines.add(token(3, "bor", "O"));
            lines.add(token(4, "i", "O"));
            lines.add(token(5, "Lillevik", "B-GPE_LOC"));
            lines.add(token(6, ".", "O"));
            lines.add("");
            lines.add(token(1, "Hun", "O"));
            lines.add(token(2, "jobber", "O"));
            lines.add(token(3, "i", "O"));
            lines.add(token(4, "Fjordvik", "B-GPE_ORG"));
            lines.add(token(5, "kommune", "I-GPE_ORG"));
            lines.add(token(6, ",", "O"));
            lines.add(token(7, "sa", "O"));
            lines.add(token(8, "han", "O"));
            lines.add(token(9, ".", "O"));
            lines.add("");
        }
        Files.write(data.resolve(file), lines, StandardCharsets.UTF_8);
    }

    @Test
    void trainsOnlyOnTheTrainPartAndReproducesItsFigures() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        writeFixture(data, "ap001_0000.conll", 20);
        writeFixture(data, "ap014_0000.conll", 3); // dev part: must not be read
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        ModelTrainer.Result first = ModelTrainer.train(data, dir.resolve("a"), quiet, 30);
        ModelTrainer.train(data, dir.resolve("b"), quiet, 30);
        assertEquals(1, first.trainFiles());
        assertEquals(40, first.treebankSentences());
        assertEquals(3, first.written().size());

        String conllu = "# text = Kari Nordby bor i Lillevik.\n"
                + "1\tKari\t_\tX\t_\t_\t0\tdep\t_\tname=B-PER\n2\tNordby\t_\tX\t_\t_\t0\tdep\t_\tname=I-PER\n"
                + "3\tbor\t_\tX\t_\t_\t0\tdep\t_\tname=O\n4\ti\t_\tX\t_\t_\t0\tdep\t_\tname=O\n"
                + "5\tLillevik\t_\tX\t_\t_\t0\tdep\t_\tSpaceAfter=No|name=B-GPE_LOC\n6\t.\t_\tX\t_\t_\t0\tdep\t_\tname=O\n\n";
        String a = figures(dir.resolve("a"), conllu);
        String b = figures(dir.resolve("b"), conllu);
        assertEquals(a, b);
        assertTrue(a.contains("tokens"), a);
    }

    @Test
    void refusesAFolderWithoutTrainFiles() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> ModelTrainer.train(empty, dir.resolve("out"), quiet, 0));
    }

    private static String figures(Path models, String conllu) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelEvaluator.print(ModelEvaluator.evaluate(ConlluReader.read(new StringReader(conllu)),
                NorwegianModels.fromDirectory(models)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
