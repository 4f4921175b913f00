package no.evidens.pipeline.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * An error as H2's TCP server sends it to a client after {@code STATUS_ERROR} (SQL state, message, SQL, error code, stack
 * trace): read by the door ({@link SignInWatch}) to tell a wrong password from other refusals, and written by it to a client
 * whose bytes are not H2's protocol.
 */
record H2Error(String state, String message, String sql, int code, String trace) {
    static H2Error read(DataInputStream in) throws IOException {
        return new H2Error(readString(in), readString(in), readString(in), in.readInt(), readString(in));
    }

    void write(DataOutputStream out) throws IOException {
        writeString(out, state);
        writeString(out, message);
        writeString(out, sql);
        out.writeInt(code);
        writeString(out, trace);
        out.flush();
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(s.length());
        out.writeChars(s);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(in.readChar());
        }
        return s.toString();
    }
}
