package no.evidens.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** TRIAL (round 59): a noun of action's verb forms ({@code kartlegging} → {@code kartlegge}, {@code søknad} → {@code søke}). */
final class ActionVerbs {
    private static final String[] NOUN_ENDINGS = {"ingane", "ingene", "ingar", "inger", "ingen", "inga", "ing",
        "nadene", "nadane", "nader", "nadar", "naden", "nad"};

    private ActionVerbs() {
    }

    /** The verb's forms for a noun of action, or none. */
    static List<String> verbForms(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Set<String> stems = new LinkedHashSet<>();
        for (String end : NOUN_ENDINGS) {
            if (w.endsWith(end) && w.length() - end.length() >= 3) {
                String stem = w.substring(0, w.length() - end.length());
                stems.add(stem);
                if (end.startsWith("ing") && stem.endsWith("n") && stem.length() >= 4) {
                    stems.add(stem.substring(0, stem.length() - 1)); // henvisning → henvis
                }
                break;
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : stems) {
            String inf = s.endsWith("e") ? s : s + "e";
            out.add(inf);
            out.add(inf + "r");
            out.add(s + "t");
            out.add(s + "et");
            out.add(s + "te");
            out.add(s + "a");
            out.add(s + "ast");
        }
        return out;
    }
}
