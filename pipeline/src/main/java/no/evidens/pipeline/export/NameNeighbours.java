package no.evidens.pipeline.export;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * What stands beside a masked name and belongs to it or to a person named the same way (issue 15, anonymisation round 14):
 * a nickname in brackets inside a full name and the name's last words after it ({@code Per Arne (Pelle) Brekke
 * Vikstad}), and a capital letter listed with a letter that names a person ({@code både A og B.}); round 15: one or two
 * initials and the surname after a masked given name ({@code Kari B. Nordvik}), a capitalised word and initials before a
 * masked surname, and a particle that is no Norwegian word with the surname after it ({@code Ana dos Reis}).
 */
final class NameNeighbours {
    private NameNeighbours() {
    }

    /** A capitalised word in brackets right after a name and one to three capitalised words after it. */
    private static final Pattern NICKNAME = Pattern.compile("\\G \\((\\p{Lu}\\p{Ll}+)\\)((?: \\p{Lu}\\p{Ll}+){1,3})");
    /** A capital letter standing alone (not an initial with its full stop, not {@code A-laget}). */
    private static final Pattern LETTER = Pattern.compile("(?<![\\p{L}\\d.])(\\p{Lu})(?![\\p{L}\\d-])");

    /** Initials and a surname right after a name ({@code  B. Nordvik}, {@code  W. G. Sebald}). */
    private static final Pattern INITIALS_AFTER = Pattern.compile("\\G (?:\\p{Lu}\\. ){1,2}(\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*)(?![\\p{L}\\d])");
    /**
     * A name particle that is no Norwegian word and the surname after it ({@code  dos Reis}, {@code  van der Berg}); the
     * particles that are also Norwegian words ({@code de}, {@code da}) are left out: {@code … da Kari kom}.
     */
    private static final Pattern PARTICLE_AFTER = Pattern.compile(
            "\\G (?:van|von|van der|van den|von der|bin|ibn|di|del|della|dos|das|af|ter|ten|zu|abu|ould) (\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}+)*)(?![\\p{L}\\d])");
    /** A capitalised word and one or two initials right before a name ({@code Kari B. }). */
    private static final Pattern INITIALS_BEFORE = Pattern.compile("(?<![\\p{L}\\d])(\\p{Lu}\\p{Ll}+) (?:\\p{Lu}\\. ){1,2}$");
    /** How far back {@link #INITIALS_BEFORE} looks. */
    private static final int BEFORE_WINDOW = 40;

    /**
     * Widens a masked name over initials and a particle and the name words they join to it (the model or the rules found
     * only the given name: {@code Kari} of {@code Kari B. Nordvik}), whatever the model typed those words, unless a word
     * is no name ({@link Anonymiser#maskableWhateverTyped}; before the initials a listed given name always joins).
     */
    static void initialsAndParticles(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        boolean grown = true;
        while (grown) {
            grown = false;
            for (int i = 0; i < spans.size() && !grown; i++) {
                TaggedSpan s = spans.get(i);
                if (PiiTagger.PERSON.equals(s.type())) {
                    grown = widenAfter(text, spans, s, lowerCase) || widenBefore(text, spans, s, lowerCase);
                }
            }
        }
    }

    private static boolean widenAfter(String text, List<TaggedSpan> spans, TaggedSpan s, Set<String> lowerCase) {
        for (Pattern p : List.of(INITIALS_AFTER, PARTICLE_AFTER)) {
            Matcher m = p.matcher(text);
            // a span running past the name word belongs to someone else: leave both as they are
            if (m.find(s.end()) && Anonymiser.maskableWhateverTyped(m.group(1), lowerCase)
                    && spans.stream().noneMatch(o -> o != s && o.start() < m.end() && m.start() < o.end() && o.end() > m.end())) {
                int end = m.end();
                spans.removeIf(o -> o != s && o.start() >= s.end() && o.end() <= end);
                spans.set(spans.indexOf(s), new TaggedSpan(PiiTagger.PERSON, s.start(), end));
                return true;
            }
        }
        return false;
    }

    private static boolean widenBefore(String text, List<TaggedSpan> spans, TaggedSpan s, Set<String> lowerCase) {
        int from = Math.max(0, s.start() - BEFORE_WINDOW);
        Matcher m = INITIALS_BEFORE.matcher(text.substring(from, s.start()));
        if (!m.find() || !Anonymiser.maskableWhateverTyped(m.group(1), lowerCase) && !DocumentNames.isGivenName(m.group(1))) {
            return false;
        }
        int start = from + m.start();
        if (spans.stream().anyMatch(o -> o != s && o.start() < s.start() && start < o.end())) {
            return false;
        }
        spans.set(spans.indexOf(s), new TaggedSpan(PiiTagger.PERSON, start, s.end()));
        return true;
    }

    /**
     * Widens a masked name over a nickname in brackets and the words after it, whatever the model typed them (a surname
     * that is also a place: {@code Vikstad}), unless the nickname is no name ({@link Anonymiser#maskableWhateverTyped}: a
     * party's abbreviation is listed) or a word after it is written in lower case in the text, a title, a function word or
     * an institution's word.
     */
    static void nicknames(String text, List<TaggedSpan> spans, Set<String> lowerCase) {
        for (int i = 0; i < spans.size(); i++) {
            TaggedSpan s = spans.get(i);
            Matcher m = NICKNAME.matcher(text);
            if (!PiiTagger.PERSON.equals(s.type()) || s.end() >= text.length() || !m.find(s.end())
                    || !Anonymiser.maskableWhateverTyped(m.group(1), lowerCase)) {
                continue;
            }
            boolean names = true;
            for (String w : m.group(2).trim().split(" ")) {
                names &= !lowerCase.contains(w.toLowerCase(Locale.ROOT)) && !DocumentNames.isTitle(w)
                        && !DocumentNames.isFunctionWord(w) && !DocumentNames.isNoNameWord(w);
            }
            int end = m.end();
            if (names && spans.stream().noneMatch(o -> o != s && o.start() < end && s.end() < o.end())) {
                spans.set(i, new TaggedSpan(PiiTagger.PERSON, s.start(), end));
            }
        }
    }

    /**
     * Masks a capital letter joined by {@code og}, {@code eller} or a comma to a masked name that is a letter itself (the
     * model's {@code B.}): the letters a text names the people of a case by ({@code A} and {@code B}). Not {@code I} and
     * {@code O} (an English pronoun, an interjection).
     */
    static void letters(String text, List<TaggedSpan> spans) {
        Matcher m = LETTER.matcher(text);
        while (m.find()) {
            int a = m.start();
            int b = m.end();
            if ("I".equals(m.group(1)) || "O".equals(m.group(1)) || CuedNames.covered(spans, a, b)) {
                continue;
            }
            for (TaggedSpan s : List.copyOf(spans)) {
                String name = s.cut(text);
                boolean letter = Character.isUpperCase(name.charAt(0)) && (name.length() == 1 || !Character.isLetter(name.charAt(1)));
                if (PiiTagger.PERSON.equals(s.type()) && letter && (Anonymiser.joined(text, b, s.start()) || Anonymiser.joined(text, s.end(), a))) {
                    spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
                    break;
                }
            }
        }
    }
}
