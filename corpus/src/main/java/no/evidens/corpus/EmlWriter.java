package no.evidens.corpus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An RFC 5322 / MIME e-mail written by hand so that its bytes are fixed: {@code multipart/mixed} with a
 * UTF-8 {@code text/plain} body in quoted-printable, and each attachment in base64. The subject is an
 * RFC 2047 encoded word. Lines end in CRLF.
 */
final class EmlWriter {

    static final String BOUNDARY = "=_evidens-fjordvik-2026-0001";

    /** One attachment: its file name (ASCII), MIME type and bytes. */
    record Attachment(String fileName, String mimeType, byte[] bytes) {
    }

    private EmlWriter() {
    }

    static byte[] write(String from, String to, String subject, String date, String messageId,
                        List<String> bodyParagraphs, List<Attachment> attachments) {
        StringBuilder mail = new StringBuilder();
        mail.append("From: ").append(from).append("\r\n")
            .append("To: ").append(to).append("\r\n")
            .append("Subject: ").append(encodedWords(subject)).append("\r\n")
            .append("Date: ").append(date).append("\r\n")
            .append("Message-ID: <").append(messageId).append(">\r\n")
            .append("MIME-Version: 1.0\r\n")
            .append("Content-Type: multipart/mixed; boundary=\"").append(BOUNDARY).append("\"\r\n")
            .append("\r\n")
            .append("This is a multi-part message in MIME format.\r\n")
            .append("\r\n--").append(BOUNDARY).append("\r\n")
            .append("Content-Type: text/plain; charset=UTF-8\r\n")
            .append("Content-Transfer-Encoding: quoted-printable\r\n")
            .append("\r\n")
            .append(quotedPrintable(String.join("\n\n", bodyParagraphs) + "\n"));
        for (Attachment attachment : attachments) {
            mail.append("\r\n--").append(BOUNDARY).append("\r\n")
                .append("Content-Type: ").append(attachment.mimeType()).append(";\r\n name=\"")
                .append(attachment.fileName()).append("\"\r\n")
                .append("Content-Disposition: attachment;\r\n filename=\"").append(attachment.fileName()).append("\"\r\n")
                .append("Content-Transfer-Encoding: base64\r\n")
                .append("\r\n")
                .append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(attachment.bytes()))
                .append("\r\n");
        }
        mail.append("\r\n--").append(BOUNDARY).append("--\r\n");
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** RFC 2047 "Q" encoded words of at most 66 characters (so "Subject: " and one word fit in 78), folded. */
    static String encodedWords(String text) {
        StringBuilder result = new StringBuilder();
        StringBuilder word = new StringBuilder();
        String prefix = "=?UTF-8?Q?";
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            StringBuilder encoded = new StringBuilder();
            if (cp == ' ') {
                encoded.append('_');
            } else if (cp < 0x80 && (Character.isLetterOrDigit(cp) || "!*+-/".indexOf(cp) >= 0)) {
                encoded.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append(String.format("=%02X", b & 0xff));
                }
            }
            if (prefix.length() + word.length() + encoded.length() + 2 > 66) {
                result.append(result.length() == 0 ? "" : "\r\n ").append(prefix).append(word).append("?=");
                word.setLength(0);
            }
            word.append(encoded);
        }
        result.append(result.length() == 0 ? "" : "\r\n ").append(prefix).append(word).append("?=");
        return result.toString();
    }

    /** Quoted-printable (RFC 2045) of UTF-8 text with '\n' line ends: hard CRLF breaks, soft breaks before 76. */
    static String quotedPrintable(String text) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            byte[] bytes = lines[n].getBytes(StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < bytes.length; i++) {
                int b = bytes[i] & 0xff;
                boolean last = i == bytes.length - 1;
                String token = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)
                    ? String.valueOf((char) b) : String.format("=%02X", b);
                if (line.length() + token.length() > 75) {
                    out.append(line).append("=\r\n");
                    line.setLength(0);
                }
                line.append(token);
            }
            out.append(line);
            if (n < lines.length - 1) {
                out.append("\r\n");
            }
        }
        return out.toString();
    }
}
