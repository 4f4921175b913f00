package no.evidens.evaluation.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.util.Span;

import no.evidens.corpus.tags.GoldDocument;
import no.evidens.corpus.tags.GoldTag;
import no.evidens.corpus.tags.TagsGold;
import no.evidens.models.train.Detokenizer;

/**
 * The split {@value #SPLIT}: the written texts of {@link TagsGold#news()} as a tokenised treebank text would give them.
 * Each paragraph is cut into tokens (words, numbers, and every other character on its own; {@code ...} as one) and
 * rebuilt from them as the treebank's training files are ({@link Detokenizer}: tokens joined by a space, none before
 * closing punctuation or after an opening mark, straight quotes alternating, dashes between spaces; {@code ”} alternates as
 * a straight quote does, since writers set it on both sides, unless it closes a {@code “}). Paragraphs are
 * joined by a space, and by a blank line only after a heading (a paragraph that does not end a sentence), as the
 * treebank keeps only its {@code |} marks. The quotation gold moves with its tokens: a span runs from its first token's
 * start to its last token's end in the rebuilt text. The tagger thus reads the quotations without the writer's
 * paragraphs and spacing, which is what the treebank's text lacks.
 */
public final class TokenRebuiltNews {
    /** The split name. */
    public static final String SPLIT = "news-tokens";

    private static final Pattern TOKEN = Pattern.compile("\\.\\.\\.|[\\p{L}\\p{N}]+(?:[-'’.,:][\\p{L}\\p{N}]+)*|\\S");
    /** A paragraph that ends a sentence: final punctuation, perhaps followed by closing marks or a bracket. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?:[.!?:;…]|\\.\\.\\.)[»”\"')\\]]*$");

    private TokenRebuiltNews() {
    }

    /** The news split rebuilt from its tokens, in index order. */
    public static List<GoldDocument> documents() {
        return TagsGold.news().stream().map(TokenRebuiltNews::rebuild).toList();
    }

    /** One document rebuilt from its tokens, its tags moved with them and its split {@value #SPLIT}. */
    public static GoldDocument rebuild(GoldDocument written) {
        String text = written.text();
        // new offsets of each original character that starts or ends a token: -1 where no token starts or ends
        int[] startAt = new int[text.length() + 1];
        int[] endAt = new int[text.length() + 1];
        java.util.Arrays.fill(startAt, -1);
        java.util.Arrays.fill(endAt, -1);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (String paragraph : text.split("\n\\s*\n", -1)) {
            int from = text.indexOf(paragraph, at);
            at = from + paragraph.length();
            List<String> forms = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            Matcher m = TOKEN.matcher(paragraph);
            while (m.find()) {
                forms.add(m.group());
                starts.add(from + m.start());
            }
            if (forms.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(heading(out) ? "\n\n" : " ");
            }
            int base = out.length();
            // ”…” as Norwegian writers set it, with the same mark on both sides: rebuilt as the straight mark it stands for
            // (one that closes a “ stays a closing mark)
            List<String> rebuiltForms = new ArrayList<>();
            boolean curlyOpen = false;
            for (String f : forms) {
                boolean straight = f.equals("”") && !curlyOpen;
                curlyOpen = f.equals("“") || curlyOpen && !f.equals("”");
                rebuiltForms.add(straight ? "\"" : f);
            }
            Detokenizer.Rebuilt rebuilt = Detokenizer.rebuild(rebuiltForms);
            StringBuilder part = new StringBuilder(rebuilt.text());
            Span[] spans = rebuilt.spans();
            for (int i = 0; i < forms.size(); i++) {
                if (spans[i] != null && forms.get(i).equals("”") && rebuiltForms.get(i).equals("\"")) {
                    part.setCharAt(spans[i].getStart(), '”');
                }
            }
            out.append(part);
            for (int i = 0; i < forms.size(); i++) {
                if (spans[i] != null) {
                    startAt[starts.get(i)] = base + spans[i].getStart();
                    endAt[starts.get(i) + forms.get(i).length()] = base + spans[i].getEnd();
                }
            }
        }
        List<GoldTag> tags = new ArrayList<>();
        for (GoldTag t : written.tags()) {
            int start = firstStart(startAt, t.start(), t.end());
            int end = lastEnd(endAt, t.start(), t.end());
            if (start < 0 || end < 0 || end <= start) {
                throw new IllegalArgumentException(written.name() + ": no token inside the tag at " + t.start());
            }
            tags.add(new GoldTag(t.kind(), t.label(), t.sections(), start, end));
        }
        return new GoldDocument(written.name(), SPLIT, out.toString(), tags);
    }

    /** Whether the text so far ends with a heading: its last paragraph ends no sentence. */
    private static boolean heading(StringBuilder out) {
        return !SENTENCE_END.matcher(out).find();
    }

    private static int firstStart(int[] startAt, int from, int to) {
        for (int i = from; i < to; i++) {
            if (startAt[i] >= 0) {
                return startAt[i];
            }
        }
        return -1;
    }

    private static int lastEnd(int[] endAt, int from, int to) {
        for (int i = to; i > from; i--) {
            if (endAt[i] >= 0) {
                return endAt[i];
            }
        }
        return -1;
    }
}
