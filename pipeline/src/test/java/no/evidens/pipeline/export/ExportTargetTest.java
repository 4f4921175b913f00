package no.evidens.pipeline.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an export is written: a plain file whole or not at all; a link or a device (such as {@code --out /dev/stdout})
 * written into, never replaced by a file of its own; a folder refused in words, with nothing left behind.
 */
class ExportTargetTest {
    @TempDir
    Path tmp;

    @Test
    void aPlainFileIsWrittenWholeAndAFolderThatDoesNotExistIsMade() throws IOException {
        Path out = tmp.resolve("ny/mappe/funn.md");
        CaseExports.atomically(out, f -> Files.writeString(f, "# Funn\n", StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(out));
        assertEquals(java.util.List.of(out), files(out.getParent()), "no temporary file left");
    }

    @Test
    void aLinkIsWrittenThroughNotReplaced() throws IOException {
        Path target = Files.writeString(tmp.resolve("rapport.md"), "gammel\n");
        Path link = Files.createSymbolicLink(tmp.resolve("lenke.md"), target);

        CaseExports.atomically(link, f -> Files.writeString(f, "# Funn\n", StandardCharsets.UTF_8));

        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("# Funn\n", Files.readString(target));
    }

    @Test
    void aFolderIsRefusedInWordsAndLeftAsItWas() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("eksport"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> CaseExports.atomically(folder, f -> Files.writeString(f, "# Funn\n", StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("it is a folder"), e.getMessage());
        assertTrue(Files.isDirectory(folder));
        assertEquals(java.util.List.of(folder), files(tmp), "no temporary file left");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws IOException {
        Path out = tmp.resolve("funn.docx");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> CaseExports.atomically(out, f -> {
            Files.writeString(f, "halv");
            throw new java.nio.file.AccessDeniedException(f.toString());
        }));
        assertTrue(e.getMessage().startsWith("cannot write " + out + ": no permission to write there (" + tmp + ")"),
                e.getMessage());
        assertEquals(java.util.List.of(), files(tmp), "no temporary file left");
        assertFalse(Files.exists(out));
    }

    @Test
    void aFileWhereTheFolderWouldBeIsNamedInWords() throws IOException {
        Path inTheWay = Files.writeString(tmp.resolve("rapporter"), "en fil");
        Path out = inTheWay.resolve("funn.md");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> CaseExports.atomically(out, f -> Files.writeString(f, "# Funn\n", StandardCharsets.UTF_8)));
        assertEquals("cannot write " + out + ": " + inTheWay + " is a file, where a folder would have to be", e.getMessage());
    }

    @Test
    void aWriterThatFailsInItsOwnWordsLeavesNoTemporaryFileAndTheEarlierExportAsItWas() throws IOException {
        // POI's save met a full disk so: its own runtime exception, the cause left out
        Path out = Files.writeString(tmp.resolve("funn.docx"), "forrige eksport");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CaseExports.atomically(out, f -> {
            Files.writeString(f, "halv");
            throw new IllegalStateException("Failed to save: content types part");
        }));
        assertEquals("Failed to save: content types part", e.getMessage());
        assertEquals(java.util.List.of(out), files(tmp), "no temporary file left");
        assertEquals("forrige eksport", Files.readString(out));
    }

    /**
     * Two exports to one file at once (two auditors writing the report to one shared folder): the second began while the
     * first was writing. Both finish; the file is the one that finished last, whole, and nothing is left beside it.
     */
    @Test
    void twoExportsToOneFileAtOnceBothFinishAndTheLastIsTheFile() throws IOException {
        Path out = tmp.resolve("rapport.md");
        CaseExports.atomically(out, f -> {
            Files.writeString(f, "# Funn fra Kari\n", StandardCharsets.UTF_8);
            CaseExports.atomically(out, g -> Files.writeString(g, "# Funn fra Ola\n", StandardCharsets.UTF_8));
            assertEquals("# Funn fra Ola\n", Files.readString(out), "the second export finished first");
        });
        assertEquals("# Funn fra Kari\n", Files.readString(out));
        assertEquals(java.util.List.of(out), files(tmp), "no temporary file left");
    }

    private static java.util.List<Path> files(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}

