package no.evidens.models.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
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
            String t = randomText(random, PIECES, 30, 3, () -> " ");
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

    /**
     * Pieces for the street pattern: street words alone and glued, capitals, dots and hyphens, every kind of white
     * space its {@code \\s} takes and some it does not, ASCII and other digits (of both planes).
     */
    private static final String[] STREET_PIECES = {
        " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2007", "\u202f", "\u3000", "\u0085", "\u2028", "\u001c", ",", ".",
        "-", "5", "12", "123", "12345", "3a", "B", "\u0663", "\uD835\uDFCE", "0102", "9990", "Storgata", "Storgt.",
        "gt.", "Kongens", "gate", "Nedre", "Øvre", "vei", "Fjellveien", "Skole-veien", "Postboks", "Pb.", "Sentrum",
        "Oslo", "Fjordvik", "É", "\uD801\uDC00", "\u24b6", "ÅSEN", "Paragraf", "Side", "kari", "x"};

    @Test
    void theStreetPatternsStartsFindWhatMatcherFindFinds() {
        Random random = new Random(20261205);
        int matched = 0;
        for (int text = 0; text < 40_000; text++) {
            String t = randomText(random, STREET_PIECES, 12, 4, () -> STREET_PIECES[random.nextInt(10)]);
            List<String> streets = plain(PiiTagger.STREET, t);
            assertEquals(streets, started(PiiTagger.STREET, t, PiiTagger::streetStart), t);
            matched += streets.size();
        }
        // the texts do hold matches, so the comparison above is not of empty lists
        assertTrue(matched > 1_000, "matches: " + matched);
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

    /**
     * A text of 1 to {@code most} pieces drawn from {@code pieces}, each followed, but one time in {@code gapOdds}, by
     * what {@code gap} gives.
     */
    private static String randomText(Random random, String[] pieces, int most, int gapOdds, Supplier<String> gap) {
        StringBuilder sb = new StringBuilder();
        int count = 1 + random.nextInt(most);
        for (int p = 0; p < count; p++) {
            sb.append(pieces[random.nextInt(pieces.length)]);
            if (random.nextInt(gapOdds) > 0) {
                sb.append(gap.get());
            }
        }
        return sb.toString();
    }
}
