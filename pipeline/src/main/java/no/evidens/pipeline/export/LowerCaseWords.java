package no.evidens.pipeline.export;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words a quotation and its document write in lower case somewhere: a capitalised one of them opens a sentence. */
final class LowerCaseWords {
    private LowerCaseWords() {
    }

    private static final Pattern LOWER_WORD = Pattern.compile("(?<![\\p{L}\\d])\\p{Ll}+(?![\\p{L}\\d])");

    /**
     * An e-mail or web address: its words are written in lower case whatever they are ({@code kari.quillan@…}, made up),
     * so they say nothing of how the text writes them (round 25).
     */
    private static final Pattern ADDRESS = Pattern.compile("[\\p{L}\\d._%+-]+@[\\p{L}\\d.-]+|(?:https?://|www\\.)\\S+"
            + "|(?<![\\p{L}\\d])@[\\p{L}\\d_.]+");

    /**
     * Words the texts write in lower case somewhere (so a capitalised one is a sentence opening, not a name); not the words
     * of an e-mail or web address (round 25, chosen on the stress runs of the dev files: a contact's name after a title, its
     * address in brackets after it, was left whole).
     */
    static Set<String> of(List<String> context, String text) {
        Set<String> out = new HashSet<>();
        addLowerCase(text, out);
        for (String c : context) {
            addLowerCase(c, out);
        }
        return out;
    }

    private static void addLowerCase(String text, Set<String> out) {
        Matcher m = LOWER_WORD.matcher(ADDRESS.matcher(text).replaceAll(" "));
        while (m.find()) {
            out.add(m.group());
        }
    }
}
