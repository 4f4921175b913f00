package no.evidens.pipeline.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip's central directory, read before anything is unpacked: each entry's name, declared size and
 * whether it is encrypted. It lets a bomb be refused on its declared sizes in milliseconds, and lets
 * every entry be accounted for, even one a parser passes over (an encrypted one).
 *
 * @param entries the files it lists (not folders)
 */
record ZipListing(List<Entry> entries) {
    /** One file the zip lists. */
    record Entry(String name, long declaredSize, boolean encrypted) {
    }

    ZipListing {
        entries = List.copyOf(entries);
    }

    /** The sum of the declared unpacked sizes. */
    long declaredBytes() {
        long sum = 0;
        for (Entry e : entries) {
            sum += Math.max(0, e.declaredSize());
        }
        return sum;
    }

    /**
     * Whether a zip's text, as its parser gave it, is only the names of its entries: Tika writes the name of an entry
     * it cannot unpack (an encrypted one) into the zip's own text, and a zip has no text of its own besides. Such a zip
     * is a container, not a document whose text is a file name.
     */
    boolean onlyNames(String text) {
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            names.add(e.name());
            names.add(e.name().substring(e.name().lastIndexOf('/') + 1));
        }
        return text.lines().map(String::strip).allMatch(line -> line.isEmpty() || names.contains(line));
    }

    /** The zip's listing, or null when its central directory cannot be read (not a zip, or broken). */
    static ZipListing read(Path file) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            List<Entry> entries = new ArrayList<>();
            for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
                if (!e.isDirectory()) {
                    entries.add(new Entry(e.getName().replace('\\', '/'), e.getSize(),
                            e.getGeneralPurposeBit().usesEncryption()));
                }
            }
            return new ZipListing(entries);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
