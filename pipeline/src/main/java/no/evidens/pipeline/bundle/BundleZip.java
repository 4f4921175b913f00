package no.evidens.pipeline.bundle;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A {@code .zip} bundle opened with its entries named as the person who made it saw them. Windows Explorer and 7-Zip
 * write a name in the DOS code page of the machine (850 on Norwegian Windows, where 437 has no ø) without the flag
 * that says UTF-8, macOS writes UTF-8 without that flag (and decomposed, å as a and a ring), Windows tools may write
 * backslashes between folders; {@code java.util.zip} reads every name as UTF-8 and refuses the whole zip at the first
 * name that is not. Apache Commons Compress reads the names as bytes, the UTF-8 flag and the Unicode path field that
 * 7-Zip and Info-ZIP add; what is left, the choice between UTF-8 and code page 850 for a name without either, is made
 * here. Every class that finds a file of a zip bundle again (verify, page images, deleting a record) opens it through
 * this class, so each finds the entry under the name the receipt gives it.
 */
public final class BundleZip implements Closeable {
    /** The DOS code page of Norwegian (and Western European) Windows: its OEM code page, what Explorer writes. */
    static final Charset DOS_NORDIC = Charset.forName("IBM850");

    /** One entry and the name the bundle gives it (forward slashes, composed characters). */
    public record Entry(String name, ZipArchiveEntry raw) {
    }

    private final ZipFile zip;
    private final List<Entry> entries;

    private BundleZip(ZipFile zip) {
        this.zip = zip;
        List<Entry> all = new ArrayList<>();
        for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
            all.add(new Entry(nameOf(e), e));
        }
        this.entries = List.copyOf(all);
    }

    /**
     * Opens a zip; one that is damaged or not a zip is refused with the key the workspace words
     * ({@code error.ingest.bad-zip}).
     */
    public static BundleZip open(Path file) throws IOException {
        ZipFile zip;
        try {
            // names without the UTF-8 flag decoded as code page 850 here; nameOf takes UTF-8 instead where they are that
            zip = ZipFile.builder().setPath(file).setCharset(DOS_NORDIC).setUseUnicodeExtraFields(true).get();
        } catch (IOException | RuntimeException e) {
            throw new BundleRefused("error.ingest.bad-zip", "the zip file is damaged or not a zip: " + file.getFileName(), e);
        }
        return new BundleZip(zip);
    }

    /** The entries in the order they lie in the file. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry of this name (as {@link #entries()} names it), if the zip holds one that is a file. */
    public Optional<Entry> find(String name) {
        return entries.stream().filter(e -> e.name().equals(name) && !e.raw().isDirectory()).findFirst();
    }

    /** Whether the entry's bytes can be read (not encrypted, a compression method the library knows). */
    public boolean readable(Entry e) {
        return zip.canReadEntryData(e.raw());
    }

    public InputStream open(Entry e) throws IOException {
        return zip.getInputStream(e.raw());
    }

    /**
     * Writes this zip to {@code out} without the file entry {@code name}, every other entry copied with its bytes as they
     * lie (not unpacked and packed again) under the name {@link #entries()} gives it, written in UTF-8 with the flag that
     * says so: a name in code page 850, or in UTF-8 without the flag, is then read alike by every tool, this one included.
     *
     * @return whether the zip held such an entry (when not, {@code out} holds a copy of every entry)
     */
    public boolean writeWithout(String name, Path out) throws IOException {
        boolean found = false;
        try (ZipArchiveOutputStream copy = new ZipArchiveOutputStream(out)) {
            copy.setEncoding(StandardCharsets.UTF_8.name());
            copy.setUseLanguageEncodingFlag(true);
            for (Entry e : entries) {
                if (!found && e.name().equals(name) && !e.raw().isDirectory()) {
                    found = true;
                    continue;
                }
                copy.addRawArchiveEntry(new Renamed(e), zip.getRawInputStream(e.raw()));
            }
        }
        return found;
    }

    /** An entry as it lies in the zip, named as {@link #entries()} names it (the library lets a subclass set the name). */
    private static final class Renamed extends ZipArchiveEntry {
        Renamed(Entry e) throws java.util.zip.ZipException {
            super(e.raw());
            setName(e.raw().isDirectory() && !e.name().endsWith("/") ? e.name() + "/" : e.name());
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /**
     * An entry's name as the bundle gives it: what the UTF-8 flag or a Unicode path field says, else its bytes as UTF-8
     * when they are valid UTF-8 (macOS, Linux), else as code page 850 (Windows); backslashes made slashes, and
     * characters composed (NFC), so a name from a Mac matches the same name typed in a manifest on Windows.
     */
    static String nameOf(ZipArchiveEntry e) {
        String name = e.getName();
        if (e.getNameSource() == ZipArchiveEntry.NameSource.NAME) {
            String utf8 = strictUtf8(e.getRawName());
            if (utf8 != null) {
                name = utf8;
            }
        }
        return Normalizer.normalize(name.replace('\\', '/'), Normalizer.Form.NFC);
    }

    /** The bytes as UTF-8, or null when they are not valid UTF-8. */
    private static String strictUtf8(byte[] raw) {
        if (raw == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
