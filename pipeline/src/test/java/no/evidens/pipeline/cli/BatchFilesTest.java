package no.evidens.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.findings.CaseFixture;
import no.evidens.pipeline.fixture.CliRun;

/** {@code evidens batch --out DIR/hits.csv} without {@code --matrix} writes the matrix beside the hits, not where it is run. */
class BatchFilesTest {
    private static final String MATRIX = "batch-matrix.csv";

    @TempDir
    Path tmp;

    @Test
    void theMatrixGoesBesideTheHitsWhenItIsNotNamed() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        Path queries = Files.writeString(tmp.resolve("sok.txt"), "ansvarsgruppe\n");
        Path folder = Files.createDirectories(tmp.resolve("resultater"));
        Path hits = folder.resolve("treff.csv");
        CliRun r = CliRun.of("batch", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--out", hits.toString(),
                queries.toString());
        assertEquals(0, r.code(), r.err());
        Path matrix = folder.resolve(MATRIX);
        assertTrue(Files.isRegularFile(matrix), "the matrix beside the hits: " + r.out());
        assertTrue(Files.readString(matrix).startsWith("label,"), Files.readString(matrix));
        assertTrue(r.out().strip().endsWith("hits in " + hits + ", matrix in " + matrix), r.out());
        assertFalse(Files.exists(Path.of(MATRIX)), "nothing written where the command was run");
    }

    @Test
    void hitsNamedAsTheMatrixAreRefusedRatherThanOverwritten() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        Path queries = Files.writeString(tmp.resolve("sok.txt"), "ansvarsgruppe\n");
        Path hits = tmp.resolve(MATRIX);
        CliRun r = CliRun.of("batch", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--out", hits.toString(),
                queries.toString());
        assertEquals(2, r.code(), r.out());
        assertEquals("evidens: the hits and the matrix would be the same file, " + hits + ": give --matrix another name",
                r.err().strip());
        assertFalse(Files.exists(hits));
    }

    @Test
    void theFilesGoIntoAFolderNotThereYetAndAFolderGivenAsTheFileIsRefused() throws Exception {
        CaseFixture fx = CaseFixture.create(tmp);
        Path queries = Files.writeString(tmp.resolve("sok.txt"), "ansvarsgruppe\n");
        Path hits = tmp.resolve("ny/mappe/treff.csv");
        CliRun r = CliRun.of("batch", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--out", hits.toString(),
                queries.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(hits).startsWith("label,"), Files.readString(hits));
        assertTrue(Files.isRegularFile(hits.resolveSibling(MATRIX)));

        Path folder = Files.createDirectories(tmp.resolve("resultater"));
        CliRun intoFolder = CliRun.of("batch", "--home", fx.home.toString(), "--case", CaseFixture.CASE, "--out", folder.toString(),
                queries.toString());
        assertEquals(1, intoFolder.code(), intoFolder.out());
        assertEquals("evidens: cannot write " + folder + ": it is a folder; give the name of a file in it", intoFolder.err().strip());
    }
}
