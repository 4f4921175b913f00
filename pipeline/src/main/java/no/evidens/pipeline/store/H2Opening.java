package no.evidens.pipeline.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.h2.engine.SessionRemote;

/**
 * The first message an H2 client sends to a TCP server, read by the store server's door ({@link StoreGate}) before H2 sees a
 * byte of it: the protocol versions, the database, the user, the password's hash and the connection's settings (never the
 * password: H2's client sends a hash of it, which is not kept here either).
 *
 * <p>Why read it ourselves: H2's server reads it with no bound on a text's length, so a client that announces a database name
 * of 120 million characters makes the server allocate that much heap before any password is checked (seen on the walk:
 * 6 such connections held 480 MB). Here every text and byte string has a small bound and anything else is refused as not
 * being H2's protocol, before it reaches H2.
 *
 * @param database the database asked for, or null for a request to cancel a running statement
 * @param user     the user, or null in a cancel request
 * @param cancel   whether it is a request to cancel another connection's statement (H2's client opens one for it)
 * @param bytes    the message as it came, to pass on to H2 unchanged
 */
record H2Opening(String database, String user, boolean cancel, byte[] bytes) {
    /** The longest text the message may hold (a database name, an address, a user, a setting's name or value). */
    static final int MAX_TEXT = 1024;
    /** The longest byte string (H2's password hashes are 32 bytes). */
    static final int MAX_BYTES = 256;
    /** The most settings one connection may send. */
    static final int MAX_SETTINGS = 64;
    /** The highest protocol version taken as H2's: H2 2.x speaks 17 to 21; anything far beyond is other bytes. */
    private static final int MAX_VERSION = 1000;

    /** Bytes that are not an H2 client's opening: said with what they look like, for the server's log. */
    static final class NotH2 extends IOException {
        private static final long serialVersionUID = 1L;

        NotH2(String message) {
            super(message);
        }
    }

    /**
     * Reads the message from a client.
     *
     * @throws NotH2       when the bytes are not an H2 client's (an HTTP request, a TLS hello, garbage) or exceed a bound
     * @throws IOException when the client closes or its socket times out first
     */
    static H2Opening read(DataInputStream in) throws IOException {
        Copy c = new Copy(in);
        int min = c.readInt();
        int max = c.readInt();
        if (min < 6 || max > MAX_VERSION || min > max) {
            throw new NotH2("sent bytes that are not H2's protocol (" + looksLike(c.bytes()) + ")");
        }
        String database = c.readString("the database's name");
        String url = c.readString("the address");
        if (database == null && url == null) {
            // H2's client cancels a statement on a connection of its own: the session's id, the command, the statement's id
            c.readString("the session's id");
            int command = c.readInt();
            if (command == SessionRemote.SESSION_CANCEL_STATEMENT) {
                c.readInt();
            }
            return new H2Opening(null, null, true, c.bytes());
        }
        String user = c.readString("the user");
        c.readBytes("the password's hash");
        byte[] filePassword = c.readBytes("the file password's hash");
        if (filePassword != null) {
            // the store server's databases are not encrypted, and the key's bytes would follow the server's answer
            throw new NotH2("asked for an encrypted database, which the store server has none of");
        }
        int settings = c.readInt();
        if (settings < 0 || settings > MAX_SETTINGS) {
            throw new NotH2("announced " + settings + " settings (at most " + MAX_SETTINGS + ")");
        }
        for (int i = 0; i < settings; i++) {
            c.readString("a setting's name");
            c.readString("a setting's value");
        }
        return new H2Opening(database, user, false, c.bytes());
    }

    /** What the first bytes of something that is not H2's protocol look like, for an administrator reading the log. */
    static String looksLike(byte[] first) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(8, first.length); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02x", first[i]));
        }
        String start = new String(first, 0, Math.min(first.length, 8), java.nio.charset.StandardCharsets.ISO_8859_1);
        String kind = start.matches("(GET|POST|PUT|HEAD|OPTIONS|DELETE|CONNECT|PATCH) .*") ? "an HTTP request"
                : first.length > 2 && first[0] == 0x16 && first[1] == 0x03 ? "a TLS hello: a client that names ssl:// for a server without --tls?"
                : first.length > 2 && first[0] == 0x15 && first[1] == 0x03 ? "a TLS alert"
                : "unknown bytes";
        return kind + ", starting " + hex;
    }

    /** Reads H2's encoding (big-endian ints; a text as its length in characters, then UTF-16), keeping every byte read. */
    private static final class Copy {
        private final DataInputStream in;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(copy);

        Copy(DataInputStream in) {
            this.in = in;
        }

        int readInt() throws IOException {
            int v = in.readInt();
            out.writeInt(v);
            return v;
        }

        String readString(String what) throws IOException {
            int length = readInt();
            if (length == -1) {
                return null;
            }
            if (length < 0 || length > MAX_TEXT) {
                throw new NotH2("announced " + what + " of " + length + " characters (at most " + MAX_TEXT + ")");
            }
            StringBuilder s = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                char ch = in.readChar();
                out.writeChar(ch);
                s.append(ch);
            }
            return s.toString();
        }

        byte[] readBytes(String what) throws IOException {
            int length = readInt();
            if (length == -1) {
                return null;
            }
            if (length < 0 || length > MAX_BYTES) {
                throw new NotH2("announced " + what + " of " + length + " bytes (at most " + MAX_BYTES + ")");
            }
            byte[] b = new byte[length];
            in.readFully(b);
            out.write(b);
            return b;
        }

        byte[] bytes() {
            return copy.toByteArray();
        }
    }
}
