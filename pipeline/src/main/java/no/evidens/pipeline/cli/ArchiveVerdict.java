package no.evidens.pipeline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine;

/**
 * Whether the class-data archive this run writes as it ends (the launcher's {@code -XX:ArchiveClassesAtExit}) is fit to
 * be its command's archive: only a run that did its command's work loads the classes that work needs. A run that printed
 * its help or version, or ended in an error before or during its work, leaves a mark beside the file the archive is
 * written to ({@code <part>.discard}); the launcher's next start deletes both instead of taking the file as the archive,
 * and a later run writes it again. A mark, not a deletion: JDK 17 writes the archive after {@code System.exit} and its
 * shutdown hooks, so nothing in this process can undo it.
 */
final class ArchiveVerdict {
    /** System property the launcher sets to the file this run's archive is written to, when it writes one. */
    static final String PART_PROPERTY = "evidens.cds.part";

    private ArchiveVerdict() {
    }

    /**
     * After the command's run, before the JVM ends: marks the archive to be discarded unless the run did its work.
     *
     * @param parsed   the run's parse result (null when its arguments could not be parsed)
     * @param exitCode the run's exit code
     */
    static void afterRun(CommandLine.ParseResult parsed, int exitCode) {
        String part = System.getProperty(PART_PROPERTY);
        if (part == null || part.isBlank() || didItsWork(parsed, exitCode)) {
            return;
        }
        try {
            Files.write(Path.of(part + ".discard"), new byte[0]);
        } catch (IOException | RuntimeException e) {
            // Nothing to say to the user: the archive is then kept, as it was before this mark existed.
        }
    }

    /**
     * A run did its command's work when it ended with 0, or with 3 (done, some file failed or a quotation changed), and
     * was not a request for help or the version. Exit 1 (an error), 2 (a usage error) and 4 (nothing done: the cluster
     * could not take the bundle, nothing re-tagged) did not.
     */
    static boolean didItsWork(CommandLine.ParseResult parsed, int exitCode) {
        if (exitCode != 0 && exitCode != 3) {
            return false;
        }
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()
                    || p.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return false;
            }
        }
        return parsed != null && parsed.hasSubcommand();
    }
}
