package no.evidens.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** ZIP archives with fixed entry times, so that equal entries give equal bytes. */
final class ZipBytes {

    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 15, 12, 0);

    private ZipBytes() {
    }

    /** A deflated archive of the entries, in their iteration order. */
    static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, null);
    }

    /**
     * An archive whose first entry {@code storedFirst} (if not null) is stored uncompressed, as ODF
     * requires of its {@code mimetype} entry; the rest are deflated.
     */
    static byte[] zip(Map<String, byte[]> entries, String storedFirst) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(ENTRY_TIME);
                if (e.getKey().equals(storedFirst)) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a ZIP in memory", e);
        }
        return out.toByteArray();
    }

    /** Copies the entries of an archive in order with a fixed modification time. */
    static byte[] normalise(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
