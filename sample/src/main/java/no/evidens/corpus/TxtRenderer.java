package no.evidens.corpus;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Plain UTF-8 text: the expected text followed by one final newline. */
final class TxtRenderer implements DocumentRenderer {

    @Override
    public byte[] render(SourceText text, String title, LocalDate date) {
        return (text.expectedText() + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
