package no.evidens.pipeline.analyse;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import opennlp.tools.ml.model.DataReader;
import opennlp.tools.ml.model.ModelParameterChunker;

/**
 * OpenNLP's {@link DataReader} over a model's bytes as {@code DataOutputStream} wrote them (big-endian numbers,
 * strings in modified UTF-8 behind a two-byte length), read through a window of {@link #WINDOW} bytes that is
 * refilled from the stream as it empties. OpenNLP's own {@code BinaryFileDataReader} asks a
 * {@code DataInputStream} for every number, which reads its 4 or 8 bytes through a locked {@code read} of the
 * stream below; the JDK offers no unlocked reader of such a stream. Tika's language model is 2.8 million doubles
 * and 415,000 strings, so here the numbers are taken from the window by {@link ByteBuffer}'s own getters, and a
 * string is decoded by the JDK's UTF-8 decoder, which gives modified UTF-8's very characters wherever its bytes
 * are well-formed UTF-8 without a surrogate (the two forms differ only in how they write the character 0 and the
 * characters outside the Basic Multilingual Plane, and in what they refuse): a string whose decoding shows a
 * replacement character or a surrogate is decoded again by {@link DataInputStream#readUTF(java.io.DataInput)}
 * itself, so every string, and every refusal, is the JDK's as OpenNLP reads it. A string OpenNLP wrote in chunks
 * ({@link ModelParameterChunker}) is put together again as OpenNLP does.
 */
final class ModelBytes implements DataReader {
    /** The window's size: more than the longest string (65,535 bytes behind its two-byte length) needs. */
    static final int WINDOW = 128 * 1024;

    private final InputStream in;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW).flip();

    ModelBytes(InputStream in) {
        this.in = in;
    }

    @Override
    public int readInt() throws IOException {
        need(Integer.BYTES);
        return window.getInt();
    }

    @Override
    public double readDouble() throws IOException {
        need(Double.BYTES);
        return window.getDouble();
    }

    @Override
    public String readUTF() throws IOException {
        String data = oneUtf();
        if (!data.startsWith(ModelParameterChunker.SIGNATURE_CHUNKED_PARAMS)) {
            return data;
        }
        int chunks = Integer.parseInt(data.replace(ModelParameterChunker.SIGNATURE_CHUNKED_PARAMS, ""));
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            whole.append(oneUtf());
        }
        return whole.toString();
    }

    /** One string as {@code DataOutputStream.writeUTF} wrote it. */
    private String oneUtf() throws IOException {
        need(2);
        int length = Short.toUnsignedInt(window.getShort(window.position()));
        need(2 + length); // the length's two bytes kept in the window with the string's
        byte[] bytes = window.array();
        int at = window.arrayOffset() + window.position();
        String s = new String(bytes, at + 2, length, StandardCharsets.UTF_8);
        // The UTF-8 decoder makes a surrogate only as half of a pair, from four bytes, which modified UTF-8 refuses;
        // both questions are answered at once for a string of Latin-1 characters, such as a line of numbers.
        if (s.indexOf('\uFFFD') >= 0 || s.codePointCount(0, s.length()) != s.length()) {
            // Not plain UTF-8: the JDK's modified UTF-8 reader over the same bytes, their length included.
            s = DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(bytes, at, 2 + length)));
        }
        window.position(window.position() + 2 + length);
        return s;
    }

    /**
     * At least {@code n} bytes in the window, or {@link EOFException} if the stream ends first: what is left of
     * the window is moved to its start and the rest filled from the stream, as far as it goes.
     */
    private void need(int n) throws IOException {
        if (window.remaining() >= n) {
            return;
        }
        window.compact();
        byte[] bytes = window.array();
        while (window.hasRemaining()) {
            int read = in.read(bytes, window.arrayOffset() + window.position(), window.remaining());
            if (read < 0) {
                break;
            }
            window.position(window.position() + read);
        }
        window.flip();
        if (window.remaining() < n) {
            throw new EOFException("the model ends inside a value");
        }
    }
}
