package no.evidens.pipeline.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

import no.evidens.pipeline.extract.Reason;

/**
 * Lists the files of a bundle: a folder (nested folders allowed) or a {@code .zip}, which is unpacked
 * into a working folder first. Entries that cannot be taken out safely are listed with their problem,
 * so the receipt still accounts for them.
 */
public final class BundleReader {
    /** Most entries a zip bundle may hold. */
    static final int MAX_ZIP_ENTRIES = 50_000;
    /** Most bytes a zip bundle may unpack to (guards against zip bombs). */
    static final long MAX_UNPACKED_BYTES = 8L * 1024 * 1024 * 1024;
    /** Unpacked bytes any one entry may reach whatever its compressed size. */
    static final long ENTRY_MIN_BYTES = 10L * 1024 * 1024;
    /** Most one entry may unpack to, as a multiple of its compressed size, past {@link #ENTRY_MIN_BYTES}. */
    static final long MAX_RATIO = 100;

    /**
     * The bundle's files, sorted by path.
     *
     * @param unpacked the working folder a zip was unpacked into (to delete after use), or null
     */
    public record Bundle(Path source, List<BundleEntry> entries, boolean hasManifest, Path unpacked) {
    }

    /**
     * A zip whose unpacking was given up because a stop was asked (the process is being stopped): what was unpacked of
     * it is deleted, so the next ingestion of the bundle unpacks it whole into a folder of its own.
     */
    public static final class Stopped extends IOException {
        private static final long serialVersionUID = 1L;
        private final int files;

        Stopped(int files) {
            super("stopped while unpacking the bundle's " + files + " files");
            this.files = files;
        }

        /** The zip's entries that are files (the bundle's files, as far as was known before the stop). */
        public int files() {
            return files;
        }
    }

    /** Asked before each entry of a zip is unpacked: once true, the unpacking is given up ({@link Stopped}). */
    private final BooleanSupplier stopAsked;

    public BundleReader() {
        this(() -> false);
    }

    /** A reader that gives up unpacking a zip once {@code stopAsked} says so (checked between entries). */
    public BundleReader(BooleanSupplier stopAsked) {
        this.stopAsked = stopAsked;
    }

    public Bundle read(Path source, Path workDir) throws IOException {
        if (Files.isDirectory(source)) {
            Listing listing = readFolder(source);
            return new Bundle(source, withMissing(listing.entries(), listing.manifest()), listing.hasManifest(), null);
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException("no such folder or .zip file: " + source);
        }
        if (!source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new IOException("a bundle is a folder or a .zip file: " + source);
        }
        // made here, not by the first entry unpacked: an empty zip is an empty bundle, not a missing folder
        Path target = Files.createDirectories(workDir.resolve("bundle-" + System.nanoTime()));
        try {
            List<BundleEntry> refused = unzip(source, target);
            Listing unpacked = readFolder(target);
            List<BundleEntry> all = new ArrayList<>(unpacked.entries());
            all.addAll(refused);
            return new Bundle(source, withMissing(all, unpacked.manifest()), unpacked.hasManifest(), target);
        } catch (IOException | RuntimeException e) {
            // a damaged zip, or a disk that filled up while it was unpacked: nothing half-unpacked is left behind
            try {
                org.apache.commons.io.file.PathUtils.deleteDirectory(target);
            } catch (IOException | RuntimeException left) {
                e.addSuppressed(left);
            }
            throw e;
        }
    }

    /** A bundle's folder as listed: its files (manifest.csv not among them) and its manifest (empty when it has none). */
    private record Listing(List<BundleEntry> entries, boolean hasManifest, Manifest manifest) {
    }

    private Listing readFolder(Path folder) throws IOException {
        Path manifestFile = folder.resolve(Manifest.FILE_NAME);
        boolean hasManifest = Files.isRegularFile(manifestFile);
        Manifest manifest = hasManifest ? Manifest.read(manifestFile) : Manifest.empty();
        List<BundleEntry> entries = new ArrayList<>();
        for (Listed l : list(folder)) {
            String rel = folder.relativize(l.file()).toString().replace('\\', '/') + (l.folder() ? "/" : "");
            if (rel.equals(Manifest.FILE_NAME)) {
                continue;
            }
            String type = DocumentTypes.ofPath(rel);
            entries.add(l.problem() != null ? new BundleEntry(rel, null, type, null, null, l.problem().text())
                    : new BundleEntry(rel, l.file(), type, null, null, null));
        }
        return new Listing(entries, hasManifest, manifest);
    }

    /**
     * The bundle's entries, sorted by path, each the manifest names given its row ({@link Manifest#resolve}: as written,
     * or as Windows spells it), with a line of its own ({@link Reason#MISSING}) for each file the manifest names that is
     * not among them: evidence the sender listed is then accounted for as failed, not silently absent. A path under a
     * folder that could not be read is not added: that folder's own line says its files are not listed. A file the
     * system made ({@link SystemFiles}: Thumbs.db, an Office lock file, __MACOSX/ …) that the manifest does not name is
     * given the problem {@link Reason#SYSTEM_FILE}: its receipt line says it was skipped, and why.
     */
    static List<BundleEntry> withMissing(List<BundleEntry> entries, Manifest manifest) {
        Set<String> present = new HashSet<>();
        List<String> unreadFolders = new ArrayList<>();
        for (BundleEntry e : entries) {
            present.add(e.path());
            if (e.path().endsWith("/")) {
                unreadFolders.add(e.path());
            }
        }
        Map<String, String> resolved = manifest.resolve(present);
        // the row each path of the bundle is given: the one that names it as written before one that names it as Windows does
        Map<String, String> rowOf = new HashMap<>();
        resolved.forEach((named, path) -> {
            if (!named.contains("!/")) {
                rowOf.merge(path, named, (a, b) -> a.equals(path) ? a : b);
            }
        });
        List<BundleEntry> all = new ArrayList<>();
        for (BundleEntry e : entries) {
            Manifest.Row row = rowOf.containsKey(e.path()) ? manifest.find(rowOf.get(e.path())) : null;
            if (row == null && e.problem() == null && SystemFiles.is(e.path())) {
                // not read, and said in the receipt as skipped with why (a file the manifest names is read as any other)
                all.add(new BundleEntry(e.path(), null, e.type(), null, null, Reason.SYSTEM_FILE.text()));
                continue;
            }
            all.add(row == null ? e : new BundleEntry(e.path(), e.file(), row.type() != null ? row.type() : e.type(),
                    e.problem() == null ? row.title() : null, e.problem() == null ? row.date() : null, e.problem(),
                    row.service(), row.municipality(), true));
        }
        Set<String> said = new HashSet<>();
        for (String named : manifest.paths()) {
            // A row may name a document inside a container (post.eml!/vedlegg.pdf, for its type or title): the
            // container's own line accounts for it, and only a container that is not there is missing.
            int inside = named.indexOf("!/");
            String path = inside < 0 ? named : named.substring(0, inside);
            if (path.isBlank() || path.equals(Manifest.FILE_NAME) || resolved.containsKey(named)
                    || unreadFolders.stream().anyMatch(path::startsWith) || !said.add(path)) {
                continue;
            }
            // the container's own row, if the manifest has one (a row of a document inside it describes that document)
            Manifest.Row row = manifest.find(path);
            String type = row != null && row.type() != null ? row.type() : DocumentTypes.ofPath(path);
            all.add(row == null ? new BundleEntry(path, null, type, null, null, Reason.MISSING.text(), null, null, false)
                    : new BundleEntry(path, null, type, row.title(), row.date(), Reason.MISSING.text(), row.service(),
                            row.municipality(), true));
        }
        all.sort(Comparator.comparing(BundleEntry::path));
        return all;
    }

    /**
     * A path found in a bundle's folder: a file to read, or one (or a folder) that cannot be, with why.
     *
     * @param folder whether it is a folder (its name then ends in a slash in the receipt)
     */
    record Listed(Path file, boolean folder, Reason problem) {
    }

    /**
     * The files of a folder and those below it, sorted by path. A sub-folder that cannot be opened (no permission) is
     * listed as such, not an error that stops the whole bundle; a link is followed only to a file inside the bundle (a
     * link out of it could take in any file the user may read, and a link to a folder is not walked: its files are
     * listed where they lie); a link to nothing is a file that cannot be read.
     */
    static List<Listed> list(Path folder) throws IOException {
        // walked from its real path: a bundle given as a link to a folder is that folder (a walk that does not follow
        // links sees the link alone, and the bundle came out empty); its files are named under the path given
        Path root = folder.toRealPath();
        Lister lister = new Lister(root);
        Files.walkFileTree(root, lister);
        List<Listed> found = new ArrayList<>();
        for (Listed l : lister.found) {
            found.add(new Listed(folder.resolve(root.relativize(l.file())), l.folder(), l.problem()));
        }
        found.sort(Comparator.comparing(Listed::file));
        return found;
    }

    /** The walk of {@link #list}: what it met, in the order met. */
    static final class Lister extends SimpleFileVisitor<Path> {
        /** The bundle's folder, its real path. */
        private final Path root;
        final List<Listed> found = new ArrayList<>();

        Lister(Path root) {
            this.root = root;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
                found.add(new Listed(file, false, null));
            } else if (attrs.isSymbolicLink()) {
                Listed l = linked(root, file);
                if (l != null) {
                    found.add(l);
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (file.equals(root)) {
                throw e; // the bundle itself cannot be read: nothing to list
            }
            boolean isFolder = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
            found.add(new Listed(file, isFolder, isFolder ? Reason.UNREADABLE_FOLDER : Reason.UNREADABLE));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                // its listing broke off half-way: what was listed stays, and the folder says it is not whole
                found.add(new Listed(dir, true, Reason.UNREADABLE_FOLDER));
            }
            return FileVisitResult.CONTINUE;
        }
    }

    /** A link found in the bundle: its file when it leads to one inside the bundle, else why not; null for a folder inside. */
    private static Listed linked(Path root, Path link) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException e) {
            return new Listed(link, false, Reason.UNREADABLE);
        }
        boolean isFolder = Files.isDirectory(target);
        if (!target.startsWith(root)) {
            return new Listed(link, isFolder, Reason.UNSAFE_LINK);
        }
        return isFolder ? null : new Listed(link, false, null);
    }

    private List<BundleEntry> unzip(Path zip, Path target) throws IOException {
        List<BundleEntry> refused = new ArrayList<>();
        Map<String, Integer> sameName = new HashMap<>();
        long total = 0;
        try (BundleZip zf = BundleZip.open(zip)) {
            if (zf.entries().size() > MAX_ZIP_ENTRIES) {
                throw new BundleRefused("error.bundle.entries", "the zip holds " + zf.entries().size()
                        + " entries, more than the limit of " + MAX_ZIP_ENTRIES, null, zf.entries().size(), MAX_ZIP_ENTRIES);
            }
            for (BundleZip.Entry entry : zf.entries()) {
                ZipArchiveEntry e = entry.raw();
                if (e.isDirectory()) {
                    continue;
                }
                if (stopAsked.getAsBoolean()) {
                    // read deletes what was unpacked: a resume unpacks the zip whole again
                    throw new Stopped((int) zf.entries().stream()
                            .filter(x -> !x.raw().isDirectory() && !Manifest.FILE_NAME.equals(x.name())).count());
                }
                String name = entry.name();
                Path out = target.resolve(name).normalize();
                if (name.startsWith("/") || !out.startsWith(target)) {
                    refused.add(new BundleEntry(name, null, DocumentTypes.ofPath(name), null, null,
                            Reason.UNSAFE_PATH.text()));
                    continue;
                }
                if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                    // two entries of one name once read (journaler\\a.txt and journaler/a.txt): the first is unpacked, the
                    // second has a line of its own rather than being written over it unseen
                    // (its line named by its place among them, "a.txt (2)": a receipt has one line a path)
                    int nth = sameName.merge(name, 2, (a, b) -> a + 1);
                    refused.add(new BundleEntry(name + " (" + nth + ")", null, DocumentTypes.ofPath(name), null, null,
                            Reason.SAME_NAME.text()));
                    continue;
                }
                if (!zf.readable(entry)) {
                    // an entry with a password, or packed by a method the library cannot unpack: its own line, the rest goes on
                    Reason why = e.getGeneralPurposeBit().usesEncryption() ? Reason.ENCRYPTED : Reason.UNSUPPORTED_VARIANT;
                    refused.add(new BundleEntry(name, null, DocumentTypes.ofPath(name), null, null, why.text()));
                    continue;
                }
                long limit = Math.max(ENTRY_MIN_BYTES, MAX_RATIO * Math.max(0, e.getCompressedSize()));
                if (e.getSize() > limit) {
                    // Refused on its declared size, before a byte is unpacked.
                    refused.add(new BundleEntry(name, null, DocumentTypes.ofPath(name), null, null, Reason.ZIP_BOMB.text()));
                    continue;
                }
                Files.createDirectories(out.getParent());
                long copied;
                try (InputStream in = zf.open(entry)) {
                    // A bounded copy: an entry that lies about its size is stopped at its limit.
                    copied = copy(in, out, Math.min(limit, MAX_UNPACKED_BYTES - total));
                }
                if (copied < 0) {
                    Files.deleteIfExists(out);
                    refused.add(new BundleEntry(name, null, DocumentTypes.ofPath(name), null, null, Reason.ZIP_BOMB.text()));
                    continue;
                }
                total += copied;
            }
        } catch (ZipException e) {
            throw new BundleRefused("error.ingest.bad-zip", "the zip file is damaged or not a zip: " + zip.getFileName(), e);
        }
        return refused;
    }

    /** Copies at most {@code limit} bytes; -1 when the stream holds more. */
    private static long copy(InputStream in, Path out, long limit) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        try (OutputStream o = Files.newOutputStream(out)) {
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                n += r;
                if (n > limit) {
                    return -1;
                }
                o.write(buf, 0, r);
            }
        }
        return n;
    }
}
