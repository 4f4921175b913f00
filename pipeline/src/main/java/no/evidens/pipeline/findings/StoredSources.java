package no.evidens.pipeline.findings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Deletes one source file from its bundle: from a folder, the file; from a .zip, the entry (the zip is
 * written again without it and put in place of the old one in one move). A document taken out of a
 * container (an e-mail, an archive in the bundle) is not a file of its own and is left, with a note.
 */
final class StoredSources {
    private StoredSources() {
    }

    /** What happened to the file, for the person: {@code deleted}, or why not. */
    static String delete(String bundle, String file) throws IOException {
        if (bundle == null) {
            return "not deleted: no receipt says where it was ingested from";
        }
        Path b = Path.of(bundle);
        if (Files.isDirectory(b)) {
            Path f = b.resolve(file).normalize();
            if (!f.startsWith(b.normalize())) {
                return "not deleted: its path leads out of the bundle";
            }
            return Files.deleteIfExists(f) ? "deleted" : "not deleted: it is no longer in " + bundle + " (or sits inside a container)";
        }
        if (Files.isRegularFile(b) && b.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return withoutEntry(b, file) ? "deleted from " + b.getFileName() : "not deleted: no entry " + file + " in " + b.getFileName();
        }
        return "not deleted: the bundle " + bundle + " is gone";
    }

    /** Writes the zip again without the entry; false when it has no such entry. (java.util.zip: no library needed to copy entries.) */
    private static boolean withoutEntry(Path zip, String name) throws IOException {
        Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), ".rewrite-", ".zip");
        boolean found = false;
        try {
            try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (entry.getName().equals(name)) {
                        found = true;
                        continue;
                    }
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    if (!entry.isDirectory()) {
                        try (InputStream body = in.getInputStream(entry)) {
                            body.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            if (found) {
                Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return found;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
