package no.evidens.evaluation.peers;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * The files an archive lists (zip, tar, 7z, ar, cpio, also a gzip'd or bzip2'd tar), as commons-compress
 * reads them independently of Tika: what the receipt must account for, entry by entry.
 */
final class ArchiveEntries {
    private ArchiveEntries() {
    }

    /** Archive formats, as Tika detects them: the files whose entries the receipt must list one by one. */
    private static final java.util.Set<String> ARCHIVES = java.util.Set.of("application/zip", "application/x-tar",
            "application/gzip", "application/x-gzip", "application/x-gtar", "application/x-bzip2",
            "application/x-7z-compressed", "application/x-rar-compressed", "application/vnd.rar", "application/x-cpio",
            "application/x-archive", "application/x-compress", "application/x-xz");

    /** Whether Tika takes the file for an archive (not a document format built on zip, like DOCX or ODT). */
    static boolean isArchive(String mediaType) {
        return mediaType != null && ARCHIVES.contains(mediaType.split(";")[0].strip());
    }

    /** The archive's file entries, or an empty list when it is not an archive or cannot be listed. */
    static List<String> of(Path file) {
        List<String> names = new ArrayList<>();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            InputStream in = raw;
            try {
                String compressor = CompressorStreamFactory.detect(raw);
                in = new BufferedInputStream(new CompressorStreamFactory().createCompressorInputStream(compressor, raw));
            } catch (Exception notCompressed) {
                // not compressed: the archive itself, if any
            }
            String format = ArchiveStreamFactory.detect(in);
            if (ArchiveStreamFactory.SEVEN_Z.equals(format)) {
                return names; // 7z needs random access; Tika's own listing is used for it
            }
            try (ArchiveInputStream<? extends ArchiveEntry> archive = new ArchiveStreamFactory().createArchiveInputStream(format, in)) {
                for (ArchiveEntry e = archive.getNextEntry(); e != null; e = archive.getNextEntry()) {
                    if (!e.isDirectory()) {
                        names.add(e.getName().replace('\\', '/'));
                    }
                }
            }
        } catch (Exception | StackOverflowError e) {
            // not an archive, or broken after the entries listed so far
        }
        return names;
    }
}
