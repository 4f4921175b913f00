package no.evidens.pipeline.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Looks at a file's bytes or its text where detection and parsing alone get it wrong. */
final class ContentChecks {
    /** Below this share of ordinary characters, a "text" is random or binary bytes. */
    static final double MIN_TEXT_SHARE = 0.85;
    /** Most bytes read to decide on a file's charset or whether an mbox holds one message. */
    private static final long MAX_PROBE_BYTES = 64L * 1024 * 1024;

    private ContentChecks() {
    }

    /**
     * Whether {@code text} is written text: letters, digits, white space and punctuation make up nearly
     * all of it. Random bytes read as Latin-1 or Windows-1252 give control characters, symbols and
     * replacement characters in large shares; any real language's text gives almost none.
     */
    static boolean looksLikeText(String text) {
        int ordinary = 0;
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            total++;
            if (Character.isLetterOrDigit(c) || Character.isWhitespace(c) && c != '\u000B' && c != '\u000C') {
                ordinary++;
            } else if (c >= 0x20 && c < 0x7F) {
                ordinary++; // ASCII punctuation
            } else {
                int type = Character.getType(c);
                if (type == Character.DASH_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                        || type == Character.FINAL_QUOTE_PUNCTUATION || type == Character.OTHER_PUNCTUATION
                        || type == Character.CURRENCY_SYMBOL || type == Character.NON_SPACING_MARK) {
                    ordinary++;
                }
            }
        }
        return total == 0 || ordinary >= MIN_TEXT_SHARE * total;
    }

    /** Whether the file's bytes are valid UTF-8 (false when too large to check). */
    static boolean isUtf8(Path file) throws IOException {
        if (Files.size(file) > MAX_PROBE_BYTES) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * How many messages an mbox holds: lines beginning {@code From } at the start or after an empty
     * line. One means a single e-mail that starts with an mbox separator (an {@code .eml} saved so).
     */
    static int mboxMessages(Path file) throws IOException {
        if (Files.size(file) > MAX_PROBE_BYTES) {
            return Integer.MAX_VALUE;
        }
        int count = 0;
        try (InputStream in = Files.newInputStream(file);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1))) {
            boolean afterBlank = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (afterBlank && line.startsWith("From ")) {
                    count++;
                }
                afterBlank = line.isEmpty();
            }
        }
        return count;
    }

    /**
     * Whether the file says in its first bytes that what follows is encrypted: an encrypted PEM key
     * ({@code Proc-Type: 4,ENCRYPTED}, {@code BEGIN ENCRYPTED PRIVATE KEY}) or an armoured PGP message.
     */
    static boolean hasEncryptionMarker(Path file) {
        byte[] head = new byte[8192];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return false;
        }
        String s = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        return s.contains("Proc-Type: 4,ENCRYPTED") || s.contains("BEGIN ENCRYPTED PRIVATE KEY")
                || s.contains("BEGIN PGP MESSAGE");
    }

    /** The file without its first line (the mbox {@code From } separator), as a new temporary file. */
    static Path withoutFirstLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        while (start < bytes.length && bytes[start] != '\n') {
            start++;
        }
        Path out = Files.createTempFile("evidens-eml-", ".eml");
        Files.write(out, java.util.Arrays.copyOfRange(bytes, Math.min(bytes.length, start + 1), bytes.length));
        return out;
    }
}
