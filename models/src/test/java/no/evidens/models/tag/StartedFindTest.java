package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class StartedFindTest {
    /** Pieces of texts where the personal-data patterns match, nearly match, and are refused by their look-behinds. */
    private static final String[] PIECES = {
        " ", "\u00a0", ", ", ".", "-", "+", "(", ")", "+47", "(+47)", "0047", "00", "12", "34", "567", "9990", "2024",
        "010101", "50074", "41010150068", "01010150074", "22 33 44 55", "912 34 567", "23-45-67-89", "91234567",
        "Storgata", "Kongens", "gate", "veien", "Fjellveien", "Postboks", "Pb.", "Sentrum", "Oslo", "Fjordvik", "3a",
        "B", "tlf", "mobil", "kari", "ål", "Øst", "É", "\uD801\uDC00", "x", "paragraf", "Side"};

    @Test
    void findsWhatMatcherFindFindsForEveryPersonalDataPattern() {
        Random random = new Random(20261201);
        int[] matched = new int[3];
        for (int text = 0; text < 3_000; text++) {
            StringBuilder sb = new StringBuilder();
            int pieces = 1 + random.nextInt(30);
            for (int p = 0; p < pieces; p++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextInt(3) > 0) {
                    sb.append(' ');
                }
            }
            String t = sb.toString();
            List<String> eleven = plain(PiiTagger.ELEVEN, t);
            List<String> phones = plain(PiiTagger.PHONE_NUMBER, t);
            List<String> streets = plain(PiiTagger.STREET, t);
            assertEquals(eleven, started(PiiTagger.ELEVEN, t, PiiTagger::elevenStart), t);
            assertEquals(phones, started(PiiTagger.PHONE_NUMBER, t, PiiTagger::phoneStart), t);
            assertEquals(streets, started(PiiTagger.STREET, t, PiiTagger::streetStart), t);
            matched[0] += eleven.size();
            matched[1] += phones.size();
            matched[2] += streets.size();
        }
        // the texts do hold matches of each pattern, so the comparison above is not of empty lists
        for (int n : matched) {
            assertTrue(n > 300, "matches: " + n);
        }
    }

    @Test
    void aMatchIsFoundWhereItStartsAndTheNextAfterItsEnd() {
        String t = "Ring 22 33 44 55, 23-45-67-89 eller (+47) 912 34 567; ikke 1234567890123.";
        List<String> found = started(PiiTagger.PHONE_NUMBER, t, PiiTagger::phoneStart);
        assertEquals(List.of("5-16 [22 33 44 55]", "18-29 [23-45-67-89]", "36-52 [912 34 567]"), found);
        assertEquals(plain(PiiTagger.PHONE_NUMBER, t), found);
    }

    private static List<String> plain(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(show(m));
        }
        return out;
    }

    private static List<String> started(Pattern pattern, String text, StartedFind.Start start) {
        List<String> out = new ArrayList<>();
        StartedFind find = new StartedFind(pattern, text, start);
        while (find.find()) {
            out.add(show(find.matcher()));
        }
        return out;
    }

    private static String show(Matcher m) {
        StringBuilder sb = new StringBuilder(m.start() + "-" + m.end());
        for (int g = 1; g <= m.groupCount(); g++) {
            sb.append(" [").append(m.group(g)).append(']');
        }
        return sb.toString();
    }
}
