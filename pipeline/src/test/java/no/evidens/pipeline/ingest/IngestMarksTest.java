package no.evidens.pipeline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.EvidensHome;
import no.evidens.pipeline.analyse.DocumentAnalyser;
import no.evidens.pipeline.fixture.PlainTextExtractor;

/** An ingest's time marks: written in the order of its stretches when asked for, each once, with no document's text or path. */
class IngestMarksTest {
    @TempDir
    Path tmp;

    @AfterEach
    void off() {
        System.clearProperty(IngestMarks.PROPERTY);
    }

    private Path bundle() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("bundle/tiltak"));
        Files.writeString(folder.resolve("plan.txt"), "Tiltaksplanen for Fjordvik evalueres hvert halvår.");
        Files.writeString(folder.resolve("referat.txt"), "Ansvarsgruppen møttes i mars og avtalte nye tiltak.");
        return tmp.resolve("bundle");
    }

    @Test
    void anIngestMarksItsStretchesInOrderAndNoText() throws Exception {
        Path marks = tmp.resolve("marks.txt");
        System.setProperty(IngestMarks.PROPERTY, marks.toString());
        new Ingestion(new EvidensHome(tmp.resolve("home")), new DocumentAnalyser(new PlainTextExtractor()), 2)
                .ingest("sak", bundle(), ProgressListener.NONE);

        List<String> lines = Files.readAllLines(marks);
        List<String> names = lines.stream().map(l -> l.split("\t")[1]).toList();
        List<String> inOrder = List.of("ingest begins", "bundle read", "known files checked", "index writer open",
                "route started", "first file read", "first document indexed", "route done", "last commit done",
                "index writer closed", "worker stopped", "case hashes kept", "receipt written");
        assertEquals(inOrder, names.stream().filter(inOrder::contains).toList());
        assertTrue(names.containsAll(List.of("worker ready", "models loaded")), names.toString());
        assertEquals(names.size(), names.stream().distinct().count(), "each mark once: " + names);
        long before = 0;
        for (String line : lines) {
            long ms = Long.parseLong(line.split("\t")[0]);
            assertTrue(ms >= before, "times in order: " + lines);
            before = ms;
            assertFalse(line.contains("Fjordvik") || line.contains("plan.txt"), "no document's text or path: " + line);
        }
    }

    @Test
    void everyThousandthDocumentMarksTheProcessorTimeUsedSoFar() throws Exception {
        Path marks = tmp.resolve("marks.txt");
        CpuMark.indexed(CpuMark.EVERY); // marks off: nothing written
        System.setProperty(IngestMarks.PROPERTY, marks.toString());
        CpuMark.indexed(CpuMark.EVERY - 1);
        assertFalse(Files.exists(marks), "no mark between the thousands");
        CpuMark.indexed(2 * CpuMark.EVERY);

        List<String> lines = Files.readAllLines(marks);
        assertEquals(1, lines.size(), lines.toString());
        String[] words = lines.get(0).split("\t")[1].split(" ");
        assertEquals(List.of("indexed", "2000", "cpu", "main", "jit", "gc", "collections", "in", "workers"),
                List.of(words[0], words[1], words[2], words[3], words[5], words[7], words[9], words[11], words[13]), lines.get(0));
        double main = Double.parseDouble(words[4]);
        double jit = Double.parseDouble(words[6]);
        double gc = Double.parseDouble(words[8]);
        assertTrue(main > 0 && jit >= 0 && gc >= 0 && jit + gc <= main, "the main process's time holds its compilers' and collector's: " + lines.get(0));
        assertTrue(Double.parseDouble(words[14]) >= 0, lines.get(0));
    }
}
