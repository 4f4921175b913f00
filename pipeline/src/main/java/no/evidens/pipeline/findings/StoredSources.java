package no.evidens.pipeline.findings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Locale;

import no.evidens.pipeline.bundle.BundleZip;

/**
 * Deletes one source file from its bundle: from a folder, the file; from a .zip, the entry (the zip is
 * written again without it and put in place of the old one in one move). A document taken out of a
 * container (an e-mail, an archive in the bundle) is not a file of its own and is left, with a note.
 */
final class StoredSources {
    private StoredSources() {
    }

    /**
     * What happened to the file, said for the command line ({@code english}: {@code deleted}, or why not) and for the
     * audit trail, whose details are in Bokmål ({@code bokmal}: {@code slettet}, or why not).
     */
    record Outcome(String english, String bokmal) {
    }

    /** Deletes the file from its bundle (a folder or a .zip), when it can. */
    static Outcome delete(String bundle, String file) throws IOException {
        if (bundle == null) {
            return new Outcome("not deleted: no receipt says where it was ingested from",
                    "ikke slettet: ingen kvittering sier hvor den ble lest inn fra");
        }
        Path b = Path.of(bundle);
        if (Files.isDirectory(b)) {
            Path f = b.resolve(file).normalize();
            if (!f.startsWith(b.normalize())) {
                return new Outcome("not deleted: its path leads out of the bundle", "ikke slettet: stien fører ut av bunken");
            }
            return Files.deleteIfExists(f) ? new Outcome("deleted", "slettet")
                    : new Outcome("not deleted: it is no longer in " + bundle + " (or sits inside a container)",
                    "ikke slettet: den ligger ikke lenger i " + bundle + " (eller ligger inne i en annen fil)");
        }
        if (Files.isRegularFile(b) && b.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return withoutEntry(b, file) ? new Outcome("deleted from " + b.getFileName(), "slettet fra " + b.getFileName())
                    : new Outcome("not deleted: no entry " + file + " in " + b.getFileName(),
                    "ikke slettet: " + b.getFileName() + " har ingen " + file);
        }
        return new Outcome("not deleted: the bundle " + bundle + " is gone", "ikke slettet: bunken " + bundle + " finnes ikke lenger");
    }

    /** The file is left where it is: other cases were ingested from the same file of the same bundle. */
    static Outcome heldBy(Collection<String> cases) {
        String names = String.join(", ", cases);
        return cases.size() == 1
                ? new Outcome("not deleted: case " + names + " holds the same file of this bundle",
                "ikke slettet: saken " + names + " har den samme filen fra denne bunken")
                : new Outcome("not deleted: the cases " + names + " hold the same file of this bundle",
                "ikke slettet: sakene " + names + " har den samme filen fra denne bunken");
    }

    /**
     * Writes the zip again without the entry; false when it has no such entry. The entry is found under the name its
     * receipt gives it, as ingestion named it ({@link BundleZip}: a Windows zip's code page 850 names, backslashes), and
     * the other entries are copied as they lie.
     */
    private static boolean withoutEntry(Path zip, String name) throws IOException {
        Path tmp = Files.createTempFile(zip.toAbsolutePath().getParent(), ".rewrite-", ".zip");
        boolean found;
        try {
            try (BundleZip in = BundleZip.open(zip)) {
                found = in.writeWithout(name, tmp);
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
