package no.evidens.pipeline;

/**
 * Text fit to store, send and export: no lone UTF-16 surrogate (half of a character, which no encoder
 * can write as UTF-8) and no control character but tab, line feed and carriage return (which XML, and so
 * a DOCX, cannot hold). Text arriving at the door is refused when it is not clean; text written out is
 * repaired, so that a value stored before this check cannot break an export.
 */
public final class CleanText {
    private static final char REPLACEMENT = '\uFFFD';

    private CleanText() {
    }

    /** Whether the text holds nothing to repair. */
    public static boolean isClean(String text) {
        return text == null || firstFault(text) < 0;
    }

    /** The text with each lone surrogate replaced by U+FFFD and each forbidden control character dropped. */
    public static String repaired(String text) {
        if (text == null) {
            return null;
        }
        int fault = firstFault(text);
        if (fault < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, fault);
        for (int i = fault; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else if (!forbiddenControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstFault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || forbiddenControl(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean forbiddenControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF;
    }
}
