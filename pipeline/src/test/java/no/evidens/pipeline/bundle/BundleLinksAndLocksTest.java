package no.evidens.pipeline.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.evidens.pipeline.extract.Reason;

/**
 * What a bundle folder lists when it holds links and folders it cannot open: a link is followed only to a file inside
 * the bundle, a folder that cannot be opened is a line of the receipt, and the other files are listed either way.
 */
class BundleLinksAndLocksTest {
    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> listed(BundleReader.Bundle b) {
        Map<String, String> out = new TreeMap<>();
        for (BundleEntry e : b.entries()) {
            out.put(e.path(), e.problem() == null ? "file " + e.file().getFileName() : e.problem());
        }
        return out;
    }

    @Test
    void aLinkIsFollowedOnlyToAFileInsideTheBundle() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("journaler/notat.txt"), "Notat fra ansvarsgruppemøtet.");
        write(tmp.resolve("privat/dagbok.txt"), "Privat, utenfor pakken.");
        Files.createSymbolicLink(bundle.resolve("journaler/inne.txt"), bundle.resolve("journaler/notat.txt"));
        Files.createSymbolicLink(bundle.resolve("journaler/ute.txt"), tmp.resolve("privat/dagbok.txt"));
        Files.createSymbolicLink(bundle.resolve("journaler/relativ.txt"), Path.of("../../privat/dagbok.txt"));
        Files.createSymbolicLink(bundle.resolve("journaler/ute-mappe"), tmp.resolve("privat"));
        Files.createSymbolicLink(bundle.resolve("journaler/inne-mappe"), bundle.resolve("journaler"));
        Files.createSymbolicLink(bundle.resolve("journaler/borte.txt"), tmp.resolve("finnes-ikke.txt"));

        Map<String, String> listed = listed(new BundleReader().read(bundle, tmp.resolve("work")));

        assertEquals(Map.of(
                "journaler/notat.txt", "file notat.txt",
                "journaler/inne.txt", "file inne.txt",
                "journaler/ute.txt", Reason.UNSAFE_LINK.text(),
                "journaler/relativ.txt", Reason.UNSAFE_LINK.text(),
                "journaler/ute-mappe/", Reason.UNSAFE_LINK.text(),
                "journaler/borte.txt", Reason.UNREADABLE.text()), listed);
    }

    @Test
    void aBundleGivenAsALinkToAFolderIsThatFolder() throws IOException {
        Path real = tmp.resolve("ekte");
        write(real.resolve("journaler/notat.txt"), "Notat fra ansvarsgruppemøtet.");
        Path link = Files.createSymbolicLink(tmp.resolve("pakke"), real);

        BundleReader.Bundle b = new BundleReader().read(link, tmp.resolve("work"));

        assertEquals(Map.of("journaler/notat.txt", "file notat.txt"), listed(b));
        assertEquals(link.resolve("journaler/notat.txt"), b.entries().get(0).file());
    }

    @Test
    void aFolderThatCannotBeOpenedIsListedAndTheWalkGoesOn() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("journaler/lukket/notat.txt"), "Notat.");
        write(bundle.resolve("journaler/åpen.txt"), "Åpent notat.");
        // Root may open any folder, so the walk's answer to a folder it may not open is given to it directly.
        BundleReader.Lister lister = new BundleReader.Lister(bundle);
        Path locked = bundle.resolve("journaler/lukket");
        assertEquals(FileVisitResult.CONTINUE, lister.visitFileFailed(locked, new AccessDeniedException(locked.toString())));
        assertEquals(List.of(new BundleReader.Listed(locked, true, Reason.UNREADABLE_FOLDER)), lister.found);

        // The bundle's own folder unreadable is the command's error, as before: there is nothing to list.
        assertThrows(AccessDeniedException.class,
                () -> lister.visitFileFailed(bundle, new AccessDeniedException(bundle.toString())));
    }

    @Test
    void aFolderThatCannotBeOpenedIsALineOfTheReceiptWhenNotRoot() throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("journaler/lukket/notat.txt"), "Notat.");
        write(bundle.resolve("journaler/åpen.txt"), "Åpent notat.");
        Path locked = bundle.resolve("journaler/lukket");
        locked.toFile().setReadable(false, false);
        locked.toFile().setExecutable(false, false);
        try {
            Map<String, String> listed = listed(new BundleReader().read(bundle, tmp.resolve("work")));
            // As root the folder opens all the same and its file is listed; as anyone else it is one line.
            String expected = Files.isReadable(locked) ? null : Reason.UNREADABLE_FOLDER.text();
            assertEquals(expected, listed.get("journaler/lukket/"));
            assertEquals(expected == null ? "file notat.txt" : null, listed.get("journaler/lukket/notat.txt"));
            assertEquals("file åpen.txt", listed.get("journaler/åpen.txt"));
            assertNull(listed.get("journaler/lukket"));
        } finally {
            locked.toFile().setReadable(true, false);
            locked.toFile().setExecutable(true, false);
        }
    }
}
