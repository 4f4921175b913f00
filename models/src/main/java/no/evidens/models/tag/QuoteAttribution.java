package no.evidens.models.tag;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.TaggedSpan;

/**
 * Who or what a quotation is from: the cue right after its closing mark ({@code », sier leder av forumet.})
 * or before its opening mark in the same sentence ({@code Det fremgår av intervjuer at «…»}).
 * Thread-safe (no state).
 */
final class QuoteAttribution {
    private static final int ATTRIBUTION_BEFORE = 200;
    private static final int ATTRIBUTION_AFTER = 80;

    static final String VERBS = "sier|sa|seier|skriver|skrev|skreiv|uttaler|uttalte|uttalar|forteller|fortalte"
            + "|fortel|fortalde|opplyser|opplyste|opplyser|svarer|svarte|svarar|understreker|understreket|påpeker"
            + "|påpekte|peiker|peikar|mener|meinte|meiner|forklarer|forklarte|forklarar|beskriver|beskrev|skildrar"
            + "|heter|heiter|het|står|stod|sto|framgår|fremgår|fremkommer|framkjem|kom fram|kom frem";
    /**
     * An inverted cue, the saying before its subject: {@code , har rådet vært}, {@code , var beskjeden fra}, {@code ,
     * lød det fra}.
     */
    static final String INVERTED = "(?:har|hadde)\\s+\\p{Ll}{3,}(?:et|en|a)\\s+(?:vært|lydt)"
            + "|(?:var|er|ble)\\s+(?:beskjeden|meldingen|svaret|rådet|omkvedet|oppfordringen|konklusjonen|budskapet"
            + "|reaksjonen|kommentaren|dommen|kravet|slagordet|ordene|spørsmålet)";
    /** A cue right after the closing mark: {@code », sier leder av forumet.} */
    private static final Pattern AFTER = Pattern.compile(
            "\\A[,;]?\\s*(?:–\\s*|-\\s*)?((?:" + VERBS + ")\\b[^.!?\\n«»“”\"]{0,60}?)(?=[.!?,;:\\n]|\\z)");
    /** A cue before the opening mark, in the same sentence. */
    private static final Pattern BEFORE = Pattern.compile(
            "((?:[Dd]et\\s+(?:fremgår|framgår|går\\s+fram|går\\s+frem|fremkommer|framkjem|kom\\s+fram|kom\\s+frem|heter|heiter|står|stod|sto)"
                    + "|[Ii]følge|[Ii]\\s+følgje|[Ss]om\\s+(?:en|ein|ei|et|eit)\\s+\\p{L}+\\s+(?:sa|sier|seier|uttrykte|skrev|skreiv)"
                    + "|\\b\\p{Lu}[\\p{L}-]*(?:\\s+[\\p{L}-]+){0,4}\\s+(?:" + VERBS + ")\\b"
                    + "|\\b(?:" + VERBS + ")\\s+(?:det|han|hun|ho|de|dei|kommunen|leder|leiar|lederen|leiaren)\\b"
                    + ")[^.!?«»“”\"]{0,160}?)\\s*[:,]?\\s*\\z");

    private QuoteAttribution() {
    }

    /** The attribution cue after the closing mark, else before the opening mark in the same sentence. */
    static TaggedSpan find(String text, int openAt, int closeAt) {
        TaggedSpan after = after(text, closeAt);
        if (after != null) {
            return after;
        }
        int from = sentenceStart(text, openAt);
        String before = text.substring(from, openAt);
        Matcher m = BEFORE.matcher(before);
        if (m.find()) {
            int s = from + m.start(1);
            int e = from + m.end(1);
            return new TaggedSpan("ATTRIBUTION", s, trimEnd(text, s, e));
        }
        return null;
    }

    /** The attribution cue right after the closing mark at {@code closeAt} ({@code », sier leder}), or null. */
    static TaggedSpan after(String text, int closeAt) {
        if (closeAt >= 0 && closeAt + 1 < text.length()) {
            String after = text.substring(closeAt + 1, Math.min(text.length(), closeAt + 1 + ATTRIBUTION_AFTER));
            Matcher m = AFTER.matcher(after);
            if (m.find()) {
                int s = closeAt + 1 + m.start(1);
                int e = closeAt + 1 + m.end(1);
                return new TaggedSpan("ATTRIBUTION", s, trimEnd(text, s, e));
            }
        }
        return null;
    }

    /** Roughly where the sentence around {@code i} starts (see {@link #sentenceStart(String, int)}). */
    static int sentenceAround(String text, int i) {
        return sentenceStart(text, i);
    }

    /** Whether a line leading into a quotation names who speaks or where it is from ({@code Mor forteller:}). */
    static boolean namesSpeaker(String lineBefore) {
        return BEFORE.matcher(lineBefore).find();
    }

    private static int trimEnd(String text, int s, int e) {
        while (e > s && (Character.isWhitespace(text.charAt(e - 1)) || text.charAt(e - 1) == ':' || text.charAt(e - 1) == ',')) {
            e--;
        }
        return e;
    }

    /** Roughly where the sentence around {@code i} starts: after . ! ? and a space, or a paragraph break. */
    private static int sentenceStart(String text, int i) {
        int limit = Math.max(0, i - ATTRIBUTION_BEFORE);
        for (int k = i - 1; k > limit; k--) {
            char c = text.charAt(k);
            if (c == '\n' && k > 0 && text.charAt(k - 1) == '\n') {
                return k + 1;
            }
            if ((c == '.' || c == '!' || c == '?' || c == '»' || c == '”') && k + 1 < text.length()
                    && Character.isWhitespace(text.charAt(k + 1))) {
                return k + 1;
            }
        }
        return limit;
    }
}
