package no.evidens.pipeline.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * The names of bylines ({@code Foto: Lindvik, Håkon}), masked by the {@link Anonymiser} whatever the model typed
 * them (issue 15, anonymisation round 13).
 */
final class Bylines {
    /**
     * A byline: a label ({@code Foto:}, {@code Tekst:}, …) and the capitalised words after it, written surname first
     * with a comma as photo agencies do ({@code Foto: Lindvik, Håkon}) or given name first ({@code Foto: Kari
     * Nordmann}); up to four words.
     */
    private static final Pattern BYLINE = Pattern.compile("(?<![\\p{L}])(?:[Ff]oto|[Ff]otograf|[Tt]ekst|[Ii]llustrasjon|[Tt]egning): "
            + "(\\p{Lu}[\\p{L}'-]*(?:,? \\p{Lu}[\\p{L}'-]*){0,3})");

    /**
     * A letter's or a blog post's sign-off ({@code Klem fra Kari}, {@code Hilsen Kari Quillan}, {@code Mvh Kari}; made up)
     * and one to three capitalised words after it that end the line or the text, or stand before the next sentence's
     * capital (round 29, the written stress set q4).
     */
    private static final Pattern SIGN_OFF = Pattern.compile("(?<![\\p{L}])(?:[Kk]lem(?:mer)? fra|[Kk]os fra|[Hh]ilsen|"
            + "[Hh]ilsen fra|[Vv]ennlig hilsen|[Bb]este hilsen|[Mm]vh\\.?) (\\p{Lu}\\p{Ll}+(?:[ -]\\p{Lu}\\p{Ll}+){0,2})"
            + "(?=[.!]?\\s*$|[.!]?\\s*\\n|[.!]?\\s+\\p{Lu})");

    private Bylines() {
    }

    /**
     * Masks the name a sign-off gives ({@link #SIGN_OFF}) whatever the model typed it: a blog post ended with {@code Klem fra
     * …} (the written stress set q4). Each word one that could be a name ({@link Maskable#whateverTyped}).
     */
    static void signOffs(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        Matcher m = SIGN_OFF.matcher(text);
        while (m.find()) {
            boolean names = Maskable.allWhateverTyped(m.group(1), lowerCase);
            if (names) {
                addUncovered(spans, m.start(1), m.end(1));
            }
        }
    }

    /**
     * A sign-off's greeting word at the start of a line or sentence ({@code Hilsen}, {@code Mvh}, {@code Klem}), then the
     * words of a name.
     */
    private static final Pattern GREETING_FIRST = Pattern.compile("(?:[Hh]ilsen|[Hh]ilsner|[Mm]vh\\.?|[Kk]lem(?:mer)?)\\s+(?=\\p{Lu})");

    /**
     * Gives back a sign-off's greeting that a person span took in with the name after it: the steps that widen a name onto
     * the capitalised word beside it read {@code Hilsen} at a line's start as a first name ({@code Hilsen Kari Nordmann}
     * became one {@code [navn 1]}; the README walk of round 40). Only at the start of the text, a line or a sentence, so a
     * surname inside a name is left alone.
     */
    static void keepGreetings(String text, List<TaggedSpan> spans) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            if (!PiiTagger.PERSON.equals(s.type()) || !opensLineOrSentence(text, s.start())) {
                continue;
            }
            Matcher m = GREETING_FIRST.matcher(text).region(s.start(), s.end());
            if (m.lookingAt() && m.end() < s.end()) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, m.end(), s.end()));
            }
        }
    }

    private static boolean opensLineOrSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r' || ".!?".indexOf(text.charAt(i)) >= 0 && i < at - 1;
    }

    /**
     * Masks the words of a byline's name ({@link #BYLINE}) whatever the model typed them (a surname written first, before
     * a comma, is often taken for a place), unless the word is a listed place or organisation (a photo agency: {@code
     * Scanpix}), a title or another word that is no name, or one the text writes in lower case.
     */
    static void mask(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        Matcher m = BYLINE.matcher(text);
        while (m.find()) {
            // the name's words one after the other (a comma between: surname first) are one person: one placeholder
            int start = -1;
            int end = -1;
            Matcher w = TextWords.CAPITALISED.matcher(text).region(m.start(1), m.end(1));
            int words = 0;
            while (w.find()) {
                String word = w.group();
                boolean label = w.end() < text.length() && text.charAt(w.end()) == ':';
                String between = end < 0 ? "" : text.substring(end, w.start());
                // round 25: the word right after a listed given name that opens the byline is its surname also where the
                // text writes it in lower case or it is a firm's word (Kari Kraft, made up); the stress runs of the dev files
                boolean surname = words == 1 && between.equals(" ") && DocumentNames.isGivenName(text.substring(start, end));
                boolean name = !label && (surname || !lowerCase.contains(word.toLowerCase(Locale.ROOT))
                        && !DocumentNames.isNoNameWord(word)) && DomainNames.shared().typeOf(word) == null
                        && !DocumentNames.isTitle(word);
                // a comma goes on with the name only after one word, a surname written first (Lindvik, Håkon); after a
                // full name it ends it (Kari Quillan, Norsk Polarinstitutt: the photographer's employer; round 25)
                boolean joins = between.equals(" ") || between.equals(", ") && words == 1;
                if (name && start >= 0 && joins) {
                    words++;
                    end = w.end();
                } else if (start >= 0 && words > 1 && between.equals(", ")) {
                    break;
                } else {
                    addUncovered(spans, start, end);
                    start = name ? w.start() : -1;
                    end = name ? w.end() : -1;
                    words = name ? 1 : 0;
                }
            }
            addUncovered(spans, start, end);
        }
    }

    /** Adds a person span from {@code start} to {@code end} (none when {@code start < 0}), less the spans it overlaps. */
    private static void addUncovered(List<TaggedSpan> spans, int start, int end) {
        if (start < 0) {
            return;
        }
        spans.removeIf(s -> PiiTagger.PERSON.equals(s.type()) && start <= s.start() && s.end() <= end);
        if (spans.stream().noneMatch(s -> s.start() < end && start < s.end())) {
            spans.add(new TaggedSpan(PiiTagger.PERSON, start, end));
        }
    }
}
