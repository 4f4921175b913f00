package no.evidens.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Writes a small Outlook .msg (MS-OXMSG): an OLE2 compound file, written with POI's POIFS, holding the
 * subject, sender and plain-text body as property streams, and each attachment in a storage of its own.
 * POI reads MSG files (HSMF) but has no writer for them, hence this one: just the streams a reader needs.
 */
final class MsgWriter {
    /** One attachment: file name and bytes. */
    record Attachment(String fileName, byte[] data) {
    }

    private static final int PT_UNICODE = 0x001F;
    private static final int PT_BINARY = 0x0102;

    private MsgWriter() {
    }

    static byte[] write(String fromName, String fromAddress, String subject, List<String> bodyParagraphs,
                        List<Attachment> attachments) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            unicode(root, 0x001A, "IPM.Note");
            unicode(root, 0x0037, subject);
            unicode(root, 0x0C1A, fromName);
            unicode(root, 0x0C1F, fromAddress);
            unicode(root, 0x1000, String.join("\r\n\r\n", bodyParagraphs));
            root.createDirectory("__nameid_version1.0");
            // Top-level property stream: 32-byte header (counts), no fixed-size properties needed here.
            root.createDocument("__properties_version1.0", new ByteArrayInputStream(header(32, 0, attachments.size())));
            for (int i = 0; i < attachments.size(); i++) {
                Attachment a = attachments.get(i);
                DirectoryEntry dir = root.createDirectory(String.format("__attach_version1.0_#%08X", i));
                unicode(dir, 0x3704, a.fileName());
                unicode(dir, 0x3707, a.fileName());
                binary(dir, 0x3701, a.data());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static void unicode(DirectoryEntry dir, int tag, String value) throws IOException {
        dir.createDocument(name(tag, PT_UNICODE), new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16LE)));
    }

    private static void binary(DirectoryEntry dir, int tag, byte[] value) throws IOException {
        dir.createDocument(name(tag, PT_BINARY), new ByteArrayInputStream(value));
    }

    private static String name(int tag, int type) {
        return String.format("__substg1.0_%04X%04X", tag, type);
    }

    private static byte[] header(int size, int recipients, int attachments) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        b.putInt(recipients).putInt(attachments).putInt(recipients).putInt(attachments);
        return b.array();
    }

}
