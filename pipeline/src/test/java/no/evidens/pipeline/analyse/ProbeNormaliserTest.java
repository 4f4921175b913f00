package no.evidens.pipeline.analyse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import opennlp.tools.util.normalizer.CharSequenceNormalizer;
import org.junit.jupiter.api.Test;

class ProbeNormaliserTest {
    private static final CharSequenceNormalizer TIKAS = ProbeNormaliser.tikas();
    /** Tika's pattern of what is neither a letter nor an ideograph. */
    private static final Pattern OTHER = Pattern.compile("[^\\p{IsAlphabetic}\\p{IsIdeographic}]+");

    private static void same(String text) {
        assertEquals(TIKAS.normalize(text).toString(), ProbeNormaliser.INSTANCE.normalize(text).toString(), text);
    }

    /** Each pattern where it matches, and beside what its test looks for without matching. */
    @Test
    void everyPassWhereItMatches() {
        List<String> cases = List.of(
                "Se https://www.fjordvik.kommune.no/barnevern/rutiner eller http://x.no nå",
                "skriv til post@fjordvik.kommune.no i dag, ikke @ alene",
                "Svar fra NAV 🙂🙂 om 𝔄𝔅 og 𠀀𠀀𠀀 og \uD83D alene og \uDE00 alene",
                "#barnevern @fjordvik og # alene",
                "rt: rt rt RT kort art rt", "Rt:Rt:", "sterkt, rt",
                "x-d xD Xo xp x( x-) :) ;-p boks sex Xylofon",
                "hahaha HAHA hehe jiji jaja hAhA haj hjah hah ha-ha", "hja hjelp huh jojo haaah",
                "12 345 kroner, 1,5 % og 2026",
                "a  b\t\tc\n\nd \u000B\fe\r\r", "aaa AaA ååå ÅÅå !!! ... zzzz", "  trimmes  ",
                "", " ", "a", "ab", "€€€", "ß", "ǅǆǄ");
        for (String c : cases) {
            same(c);
        }
        // Cases like these change under the passes that can be left out, so a pass left out wrongly shows above.
        assertEquals("haha", ProbeNormaliser.INSTANCE.normalize("hahaha").toString());
        assertEquals("boks", ProbeNormaliser.INSTANCE.normalize("boks xo").toString());
        assertEquals("kort ok", ProbeNormaliser.INSTANCE.normalize("kort rt rt ok").toString());
        assertEquals("aa", ProbeNormaliser.INSTANCE.normalize("aaaa").toString());
    }

    /** Random pieces made of what the patterns look for, and of letters, spaces and signs around it. */
    @Test
    void randomPieces() {
        String[] parts = {"a", "e", "i", "o", "u", "A", "E", "h", "H", "j", "J", "r", "R", "t", "T", "x", "X", "d", "D",
                "p", "P", "k", "s", "n", "æ", "ø", "å", "Å", " ", " ", " ", "  ", "\t", "\n", "\r", "\u000B", "\f",
                "#", "@", ":", ";", "-", "(", ")", ".", ",", "!", "0", "7", "42", "http://", "https://",
                "www.fjordvik.no/a/b/c", "post", "🙂", "𝔄", "𠀀", "\uD83D", "\uDE00", "中", "ha", "he", "ji", "rt ",
                "rt:", "aaa", "AAa", "«", "»", "–", "…", "ß", "İ", "ı", "K"};
        Random random = new Random(32);
        for (int n = 0; n < 10_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            same(b.toString());
            assertEquals(OTHER.matcher(b).replaceAll(" "), ProbeNormaliser.lettersAndIdeographs(b.toString()), b.toString());
        }
    }

    /** The sample bundle's texts in pieces of 300 characters, as the detector gives them. */
    @Test
    void sampleTexts() throws IOException {
        List<String> pieces = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("../sample/src/main/resources/sample"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (int at = 0; at < text.length(); at += 300) {
                    pieces.add(text.substring(at, Math.min(text.length(), at + 300)));
                }
            }
        }
        assertTrue(pieces.size() > 100, "pieces: " + pieces.size());
        for (String piece : pieces) {
            same(piece);
        }
    }
}
