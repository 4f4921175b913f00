package no.evidens.pipeline.export;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.DocumentNames;
import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/** A person's name word written in lower case at the end of a short label before its colon ({@link #mask}). */
final class LowerCaseLabels {
    private LowerCaseLabels() {
    }

    /** A lower-case word right before a colon ({@link #mask}). */
    private static final Pattern LOWER_LABEL = Pattern.compile("(?<![\\p{L}\\d-])(\\p{Ll}{3,}):");

    /** The most words a label before its colon has ({@code Prioriterer zorbek:}). */
    private static final int LABEL_WORDS = 3;

    /**
     * Masks a lower-case word ending a short label before its colon (a heading or caption of at most {@link #LABEL_WORDS}
     * words: {@code Prioriterer aksel: …} in a document about Aksel Vossmo, made up) where it is a listed given name or a
     * surname's shape and a word of a person the model names in the document: a caption written in haste, which the
     * gold calls the person (round 24, chosen on the folds). Only in a label: a given name that is also a common noun
     * ({@code liv}, {@code mai}) stands in lower case in running text. After the widening: the label's capitalised first
     * word is no part of the name.
     */
    static void mask(String text, List<TaggedSpan> spans, Persons seen) {
        Matcher m = LOWER_LABEL.matcher(text);
        while (m.find()) {
            String w = m.group(1);
            int a = m.start(1);
            int b = m.end(1);
            if (seen.known(w) && DocumentNames.isPersonNameWord(w) && !DocumentNames.isFunctionWord(w)
                    && endsShortLabel(text, a) && spans.stream().noneMatch(s -> s.start() < b && a < s.end())) {
                spans.add(new TaggedSpan(PiiTagger.PERSON, a, b));
            }
        }
    }

    /** Whether a sentence or a line opens at most {@link #LABEL_WORDS} words back from the word at {@code start}. */
    private static boolean endsShortLabel(String text, int start) {
        int at = start;
        for (int i = 0; i < LABEL_WORDS; i++) {
            if (TextWords.opening(text, at)) {
                return true;
            }
            int e = at;
            while (e > 0 && text.charAt(e - 1) == ' ') {
                e--;
            }
            String before = TextWords.wordEndingAt(text, e);
            if (before == null) {
                return false;
            }
            at = e - before.length();
        }
        return false;
    }
}
