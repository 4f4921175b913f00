package no.evidens.models;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import opennlp.tools.ml.model.DataReader;

/**
 * An OpenNLP model entry's bytes, read from memory: the numbers by {@link ByteBuffer}'s big-endian getters, as
 * {@code DataOutputStream} wrote them. OpenNLP's own {@code BinaryFileDataReader} reads each number and string through
 * a {@code DataInputStream} over the model's zip stream, so each of them is a call into the inflater of a few bytes;
 * here the entry is inflated in one go and read in place.
 *
 * <p>A string all of whose bytes are ASCII is those very characters in modified UTF-8 (as {@code readUTF} decodes a
 * zero byte too); any other string is decoded by the JDK's own {@link DataInputStream#readUTF}, so every string, and
 * every refusal of broken bytes, is the one OpenNLP's reader gives. Data cut short is refused by an
 * {@link EOFException}, as there.
 */
public final class ModelEntryData implements DataReader {
    private final byte[] bytes;
    private final ByteBuffer buffer;

    public ModelEntryData(byte[] bytes) {
        this.bytes = bytes;
        this.buffer = ByteBuffer.wrap(bytes);
    }

    @Override
    public double readDouble() throws IOException {
        try {
            return buffer.getDouble();
        } catch (BufferUnderflowException e) {
            throw cutShort();
        }
    }

    @Override
    public int readInt() throws IOException {
        try {
            return buffer.getInt();
        } catch (BufferUnderflowException e) {
            throw cutShort();
        }
    }

    @Override
    public String readUTF() throws IOException {
        int start = buffer.position();
        if (buffer.remaining() < 2) {
            throw cutShort();
        }
        int length = Short.toUnsignedInt(buffer.getShort());
        int from = start + 2;
        if (buffer.remaining() < length) {
            throw cutShort();
        }
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0) {
                return decoded(start, length);
            }
        }
        buffer.position(from + length);
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    /** The string at {@code start} (its length, then its bytes) as the JDK decodes it; the buffer moves past it. */
    private String decoded(int start, int length) throws IOException {
        String out = new DataInputStream(new ByteArrayInputStream(bytes, start, 2 + length)).readUTF();
        buffer.position(start + 2 + length);
        return out;
    }

    private static EOFException cutShort() {
        return new EOFException("the model entry ends before the value read");
    }
}
