package no.evidens.corpus;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Hand-written RTF 1.x: ANSI code page 1252, characters above ASCII as {@code \'e6} escapes where
 * Windows-1252 has them and as {@code \}{@code uN?} otherwise, the title bold and larger.
 */
final class RtfRenderer implements DocumentRenderer {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Override
    public byte[] render(SourceText text, String title, LocalDate date) {
        StringBuilder rtf = new StringBuilder();
        rtf.append("{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\r\n")
            .append("{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\r\n")
            .append("{\\info{\\title ").append(escape(title)).append("}{\\author Fjordvik kommune (fiktiv)}")
            .append("{\\creatim\\yr").append(date.getYear()).append("\\mo").append(date.getMonthValue())
            .append("\\dy").append(date.getDayOfMonth()).append("\\hr12\\min0}}\r\n")
            .append("\\pard\\sa240\\b\\f0\\fs32 ").append(escape(text.title())).append("\\b0\\fs24\\par\r\n");
        for (String paragraph : text.body()) {
            rtf.append("\\pard\\sa180\\f0\\fs24 ").append(escape(paragraph)).append("\\par\r\n");
        }
        rtf.append("}\r\n");
        return rtf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static String escape(String s) {
        CharsetEncoder cp1252 = CP1252.newEncoder();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '{' || c == '}') {
                out.append('\\').append(c);
            } else if (c < 0x80) {
                out.append(c);
            } else if (cp1252.canEncode(c)) {
                int b = String.valueOf(c).getBytes(CP1252)[0] & 0xff;
                out.append(String.format("\\'%02x", b));
            } else {
                out.append("\\u").append((int) (short) c).append('?');
            }
        }
        return out.toString();
    }
}
