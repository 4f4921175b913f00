package no.evidens.pipeline.export;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.models.DomainNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/** Names in quotation marks: a nickname, a name as signed, a quoted subject or epithet, but not a work's title. */
final class QuotedNames {
    private QuotedNames() {
    }

    /** One or two capitalised words alone between quotation marks: a nickname or a name as written ({@code «Kiki»}). */
    private static final Pattern QUOTED_NAME = Pattern.compile(
            "[«\"“]\\s*(\\p{Lu}\\p{Ll}[\\p{L}-]*(?: \\p{Lu}\\p{Ll}[\\p{L}-]*)?)\\s*[»\"”]");

    /**
     * Masks one or two capitalised words standing alone between quotation marks (a nickname, a name as
     * signed), unless a word is a title, a listed place or organisation, a function word, a common noun's shape
     * or a word the text also writes in lower case (round 15: whatever the model typed it). A phrase the document puts in quotation marks more than
     * twice is taken for the title of a work ({@code «Blå Time»}): a nickname is quoted where it is
     * introduced, then written bare; so are two words of which neither is a listed given name or surname.
     */
    static void mask(String text, List<TaggedSpan> spans, Set<String> lowerCase, List<String> context) {
        Matcher m = QUOTED_NAME.matcher(text);
        while (m.find()) {
            if (quotedSubject(text, m, spans, lowerCase) || epithet(m, spans, lowerCase)) {
                continue;
            }
            // a phrase quoted more than twice, or two words of which none is a given name or surname (Stille Vann),
            // is the title of a work
            if (quotedCount(m.group(1), context) > 2 || m.group(1).indexOf(' ') > 0
                    && Arrays.stream(m.group(1).split(" ")).noneMatch(DocumentNames::isPersonNameWord)) {
                continue;
            }
            int a = m.start(1);
            int b = m.end(1);
            boolean maskable = true;
            for (String w : m.group(1).split(" ")) {
                // round 15: whatever the model typed the words, but no function word or common noun's shape (fewer masks
                // on the folds, no leak more)
                maskable &= Maskable.whateverTyped(w, lowerCase);
            }
            if (maskable && spans.stream().noneMatch(s -> s.start() < b && a < s.end())) {
                spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
            }
        }
    }

    /** The English article a quoted nickname may open with ({@code «The Vossminator»}, made up), masked with the name. */
    private static final String ENGLISH_ARTICLE = "The";

    /**
     * Masks one or two quoted capitalised words that open a sentence as its subject, a finite verb right after the
     * closing mark ({@code «The Vossminator» måtte se seg slått}, {@code - «Sunny Quillan» er en jente som …}; made up):
     * a nickname or a role's name the gold calls a person, which two words with no listed name would otherwise pass for a work's title
     * (round 24, chosen on the folds and the dev files). An English {@code The} opening two words is masked with the name;
     * the other words on {@link Maskable#whateverTyped}'s conditions. Whether it masked them.
     */
    private static boolean quotedSubject(String text, Matcher m, List<TaggedSpan> spans, Set<String> lowerCase) {
        if (!TextWords.opening(text, m.start()) || m.end() + 1 >= text.length() || text.charAt(m.end()) != ' '
                || !NamedSubject.finiteVerb(TextWords.wordStartingAt(text, m.end() + 1))) {
            return false;
        }
        String[] words = m.group(1).split(" ");
        for (int i = 0; i < words.length; i++) {
            boolean article = i == 0 && words.length == 2 && ENGLISH_ARTICLE.equals(words[0]);
            if (!article && !Maskable.whateverTyped(words[i], lowerCase)) {
                return false;
            }
        }
        int a = m.start(1);
        int b = m.end(1);
        // the model's person guess of a part (the name without its article): the whole in its place
        spans.removeIf(s -> PiiTagger.PERSON.equals(s.type()) && a <= s.start() && s.end() <= b);
        if (spans.stream().anyMatch(s -> s.start() < b && a < s.end())) {
            return false;
        }
        spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
        return true;
    }

    /**
     * Masks the name of a quoted epithet, a listed place's genitive and one capitalised word ({@code «Vestlandets Quillan»},
     * made up: a person called after a famous one; round 22, chosen on the folds): the famous name stands for the person, and
     * the gold calls it a person. Before, two quoted words with no listed given name or surname were read as a work's title.
     * The word is masked on {@link Maskable#whateverTyped}'s conditions. Whether the quoted words were such an epithet.
     */
    private static boolean epithet(Matcher m, List<TaggedSpan> spans, Set<String> lowerCase) {
        String[] two = m.group(1).split(" ");
        if (two.length != 2 || !two[0].endsWith("s") || !"LOC".equals(DomainNames.shared().typeOf(two[0]))) {
            return false;
        }
        int a = m.end(1) - two[1].length();
        int b = m.end(1);
        if (Maskable.whateverTyped(two[1], lowerCase) && spans.stream().noneMatch(s -> s.start() < b && a < s.end())) {
            spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
        }
        return true;
    }

    private static long quotedCount(String phrase, List<String> context) {
        return context.stream().mapToLong(c -> QUOTED_NAME.matcher(c).results().filter(r -> r.group(1).equals(phrase)).count()).sum();
    }
}
