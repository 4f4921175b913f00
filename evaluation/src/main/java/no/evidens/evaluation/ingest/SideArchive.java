package no.evidens.evaluation.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The class-data archive a side of {@code bench ingest} starts with, as the launcher gives a command: the one of
 * its kind for this build ({@code BASE-ingest.jsa} for Evidens's sides, the very archive {@code ./evidens ingest}
 * maps), or, when there is none yet, written by this side as it ends and kept once it has ended normally. Without
 * the launcher's base (the bench run otherwise) the side runs without an archive.
 *
 * @param archive the archive's path, or null for none
 * @param part    the file this side writes the archive to, or null when it maps it (or has none)
 */
record SideArchive(Path archive, Path part) {
    /** System property the launcher sets: its archives' path up to the command's kind. */
    static final String BASE_PROPERTY = "evidens.cds.base";

    static SideArchive of(String base, String kind) {
        if (base == null || base.isBlank()) {
            return new SideArchive(null, null);
        }
        Path archive = Path.of(base + "-" + kind + ".jsa");
        if (Files.isRegularFile(archive)) {
            return new SideArchive(archive, null);
        }
        // Named with this process's id, as the launcher names its own: the launcher takes over a part left by a
        // process that has ended, never one still being written.
        return new SideArchive(archive, archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid()
                + ".part"));
    }

    /** The JVM options that map the archive or write it. */
    List<String> options() {
        if (archive == null) {
            return List.of();
        }
        return part == null ? List.of("-XX:SharedArchiveFile=" + archive) : List.of("-XX:ArchiveClassesAtExit=" + part);
    }

    /** After the side's JVM has ended: the archive it wrote becomes the kind's if it ended normally, else it goes. */
    void ended(int exitCode) throws IOException {
        if (part == null) {
            return;
        }
        if (exitCode == 0 && Files.isRegularFile(part) && Files.size(part) > 0 && !Files.exists(archive)) {
            Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(part);
        }
    }
}
