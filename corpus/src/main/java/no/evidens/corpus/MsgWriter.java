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
 * subject, sender and plain-text body as property streams, and each attachment in a storage of its own:
 * a file's bytes, or another message embedded whole. POI reads MSG files (HSMF) but has no writer for
 * them, hence this one: just the streams a reader needs.
 */
public final class MsgWriter {
    /** One attached file: file name and bytes. */
    public record Attachment(String fileName, byte[] data) {
    }

    /** A message attached to another as an embedded message (MS-OXMSG: attach method 5). */
    public record AttachedMessage(String subject, List<String> bodyParagraphs) {
    }

    private static final int PT_UNICODE = 0x001F;
    private static final int PT_BINARY = 0x0102;
    private static final int PT_OBJECT = 0x000D;

    private MsgWriter() {
    }

    public static byte[] write(String fromName, String fromAddress, String subject, List<String> bodyParagraphs,
                               List<Attachment> attachments) throws IOException {
        return write(fromName, fromAddress, subject, bodyParagraphs, attachments, List.of());
    }

    /** A message with attached files and, after them, attached messages. */
    public static byte[] write(String fromName, String fromAddress, String subject, List<String> bodyParagraphs,
                               List<Attachment> attachments, List<AttachedMessage> messages) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            DirectoryEntry root = fs.getRoot();
            unicode(root, 0x001A, "IPM.Note");
            unicode(root, 0x0037, subject);
            unicode(root, 0x0C1A, fromName);
            unicode(root, 0x0C1F, fromAddress);
            unicode(root, 0x1000, String.join("\r\n\r\n", bodyParagraphs));
            root.createDirectory("__nameid_version1.0");
            // Top-level property stream: 32-byte header (counts), no fixed-size properties needed here.
            root.createDocument("__properties_version1.0",
                    new ByteArrayInputStream(header(32, 0, attachments.size() + messages.size())));
            for (int i = 0; i < attachments.size(); i++) {
                Attachment a = attachments.get(i);
                DirectoryEntry dir = root.createDirectory(String.format("__attach_version1.0_#%08X", i));
                unicode(dir, 0x3704, a.fileName());
                unicode(dir, 0x3707, a.fileName());
                binary(dir, 0x3701, a.data());
            }
            for (int i = 0; i < messages.size(); i++) {
                embed(root.createDirectory(String.format("__attach_version1.0_#%08X", attachments.size() + i)), messages.get(i));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /**
     * The attachment storage of an embedded message: its attach method (PR_ATTACH_METHOD 0x3705 = 5) as a
     * fixed-size property after the 8-byte header of an attachment's property stream, its display name, and
     * the message itself in the sub-storage of PR_ATTACH_DATA_OBJ (0x3701, PT_OBJECT), whose property stream
     * has the 24-byte header of an embedded message.
     */
    private static void embed(DirectoryEntry dir, AttachedMessage m) throws IOException {
        dir.createDocument("__properties_version1.0", new ByteArrayInputStream(fixed(8, 0x3705_0003, 5)));
        unicode(dir, 0x3001, m.subject());
        DirectoryEntry message = dir.createDirectory(name(0x3701, PT_OBJECT));
        unicode(message, 0x001A, "IPM.Note");
        unicode(message, 0x0037, m.subject());
        String body = String.join("\r\n\r\n", m.bodyParagraphs());
        unicode(message, 0x1000, body);
        // PR_MESSAGE_SIZE (0x0E08, PT_LONG): one fixed-size property, as Outlook writes for every message.
        message.createDocument("__properties_version1.0", new ByteArrayInputStream(fixed(24, 0x0E08_0003, body.length() * 2)));
    }

    /** A property stream: a header of {@code header} zero bytes, then one fixed-size 32-bit property. */
    private static byte[] fixed(int header, int tag, int value) {
        ByteBuffer b = ByteBuffer.allocate(header + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.position(header);
        b.putInt(tag).putInt(0x6).putInt(value).putInt(0); // flags: readable and writable
        return b.array();
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
