package no.evidens.models.tag;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.codebook.Codebook;
import no.evidens.models.codebook.IndicatorDefinition;

/**
 * Finds mentions of the codebook's indicators: a dictionary stage over OpenNLP tokens.
 *
 * <p>Why not a stemmer: {@code models} must not depend on Lucene (its Norwegian stemmer lives in
 * lucene-analysis-common), and a stemmer alone does not split compounds anyway. Instead each pattern
 * word is a base form matched against whole OpenNLP tokens with a small, explicit rule set that
 * covers both written standards:
 * <ul>
 *   <li>inflection: the base form plus one of {@link #ENDINGS} (Bokmål and Nynorsk noun, verb and
 *       adjective endings: taushetsplikt → taushetsplikten; samarbeidsmøte → samarbeidsmøtene,
 *       samarbeidsmøta; rutine → rutiner, rutinane);</li>
 *   <li>compounds: a base form of 5+ letters followed, after an optional linking s or e, by a word
 *       of 3+ letters (taushetsplikt → taushetspliktbestemmelsene; barnevern → barnevernstenesta);</li>
 *   <li>{@code word*} any continuation, {@code *word} the word as the last part of a compound,
 *       {@code =word} only the word itself;</li>
 *   <li>{@code ~N} between pattern words: up to N other tokens in between (same sentence);</li>
 *   <li>an indicator's {@code context} patterns: one must match in the mention's paragraph
 *       ({@link ParagraphContext}).</li>
 * </ul>
 * Patterns are tokenized with the same OpenNLP tokenizer as the text, so they line up token for token.
 * Matching is case-insensitive. Thread-safe once built.
 */
public final class IndicatorTagger {
    /** Inflectional endings of Bokmål and Nynorsk nouns, verbs and adjectives (and the genitive s). */
    static final Set<String> ENDINGS = Set.of("", "e", "en", "et", "a", "er", "ar", "ene", "ane", "ne", "na", "r",
            "n", "t", "s", "es", "ens", "ets", "ers", "ars", "enes", "anes", "as", "ns", "ts", "te", "de", "ede",
            "ande", "ende", "ast", "est", "ste", "ere");
    private static final int MIN_COMPOUND_HEAD = 5;
    private static final int MIN_COMPOUND_TAIL = 3;

    enum Mode { INFLECT, PREFIX, SUFFIX, EXACT }

    /** A pattern word; {@code id} numbers its base form and mode among the codebook's ({@link PatternWords}). */
    record Word(String stem, Mode mode, int gapBefore, int id) {
    }

    record CompiledPattern(String text, List<Word> words) {
    }

    /**
     * @param firstWords the ids of the first words of {@code patterns}: a sentence holding none of them has no
     *                   mention of the indicator (never changed once built)
     */
    record CompiledIndicator(String id, List<CompiledPattern> patterns, List<CompiledPattern> exclude,
                             List<CompiledPattern> context, BitSet firstWords) {
        CompiledIndicator(String id, List<CompiledPattern> patterns, List<CompiledPattern> exclude,
                          List<CompiledPattern> context) {
            this(id, patterns, exclude, context, firstWordsOf(patterns));
        }

        private static BitSet firstWordsOf(List<CompiledPattern> patterns) {
            BitSet out = new BitSet();
            for (CompiledPattern p : patterns) {
                out.set(p.words().get(0).id());
            }
            return out;
        }
    }

    private final NorwegianModels models;
    private final List<CompiledIndicator> indicators;
    private final Codebook codebook;
    private final PatternWords patternWords = new PatternWords();

    public IndicatorTagger(Codebook codebook, NorwegianModels models) {
        this.models = models;
        this.codebook = codebook;
        List<CompiledIndicator> list = new ArrayList<>();
        for (IndicatorDefinition d : codebook.indicators()) {
            list.add(new CompiledIndicator(d.id(), compileAll(d.patterns()), compileAll(d.exclude()),
                    compileAll(d.context())));
        }
        this.indicators = List.copyOf(list);
    }

    public Codebook codebook() {
        return codebook;
    }

    private List<CompiledPattern> compileAll(List<String> patterns) {
        List<CompiledPattern> out = new ArrayList<>();
        for (String p : patterns) {
            CompiledPattern c = compile(p);
            if (!c.words().isEmpty()) {
                out.add(c);
            }
        }
        return out;
    }

    CompiledPattern compile(String pattern) {
        List<Word> words = new ArrayList<>();
        int gap = 0;
        for (String raw : pattern.strip().split("\\s+")) {
            if (raw.matches("~\\d+")) {
                gap = Integer.parseInt(raw.substring(1));
                continue;
            }
            Mode mode = Mode.INFLECT;
            String core = raw;
            if (core.startsWith("=")) {
                mode = Mode.EXACT;
                core = core.substring(1);
            } else if (core.length() > 1 && core.endsWith("*")) {
                mode = Mode.PREFIX;
                core = core.substring(0, core.length() - 1);
            } else if (core.length() > 1 && core.startsWith("*")) {
                mode = Mode.SUFFIX;
                core = core.substring(1);
            }
            List<TaggedSpan> parts = models.tokensOfSentence(core);
            for (int k = 0; k < parts.size(); k++) {
                String stem = lower(parts.get(k).cut(core));
                Mode m = parts.size() == 1 ? mode
                        : (k == parts.size() - 1 && mode == Mode.PREFIX) || (k == 0 && mode == Mode.SUFFIX)
                        ? mode : k == parts.size() - 1 && mode == Mode.INFLECT ? Mode.INFLECT : Mode.EXACT;
                words.add(new Word(stem, m, k == 0 ? gap : 0, patternWords.id(stem, m)));
            }
            gap = 0;
        }
        return new CompiledPattern(pattern.strip(), List.copyOf(words));
    }

    /** Mentions in a whole text (sentences and tokens found here). */
    public List<IndicatorMention> tag(String text) {
        List<TaggedSpan> sentences = models.sentences(text);
        List<List<TaggedSpan>> tokens = new ArrayList<>();
        for (TaggedSpan s : sentences) {
            tokens.add(models.tokensOfSentence(s.cut(text)));
        }
        return tag(text, sentences, tokens);
    }

    /**
     * Mentions in a text whose sentences and tokens are already known; {@code tokens.get(i)} are
     * offsets into sentence i. Returned in text order.
     */
    public List<IndicatorMention> tag(String text, List<TaggedSpan> sentences, List<List<TaggedSpan>> tokens) {
        List<IndicatorMention> out = new ArrayList<>();
        ParagraphContext context = new ParagraphContext();
        Map<String, BitSet> cache = PatternWords.newCache();
        for (int s = 0; s < sentences.size(); s++) {
            int base = sentences.get(s).start();
            List<TaggedSpan> sentenceTokens = tokens.get(s);
            BitSet[] words = new BitSet[sentenceTokens.size()];
            BitSet present = new BitSet();
            for (int i = 0; i < words.length; i++) {
                TaggedSpan t = sentenceTokens.get(i);
                words[i] = patternWords.matching(lower(text.substring(base + t.start(), base + t.end())), cache);
                present.or(words[i]);
            }
            for (CompiledIndicator ind : indicators) {
                if (!ind.context().isEmpty()) {
                    context.conditioned(ind.id());
                    for (CompiledPattern p : ind.context()) {
                        for (int[] m : matches(p, words, present)) {
                            context.matched(ind.id(), base + sentenceTokens.get(m[0]).start());
                        }
                    }
                }
                if (!present.intersects(ind.firstWords())) {
                    // No pattern's first word in the sentence: every pattern's matches are none (see matches).
                    continue;
                }
                // Most patterns match nothing in a sentence (their first word is not in it): only the matches are
                // iterated, and the exclusions only where there are some (an iterator, a stream and a lambda per
                // pattern or match cost the main process's quick compiler, which removes none of them, a share of
                // this stage; the same mentions in the same order).
                List<int[]> excluded = null;
                for (CompiledPattern p : ind.exclude()) {
                    List<int[]> x = matches(p, words, present);
                    if (!x.isEmpty()) {
                        if (excluded == null) {
                            excluded = new ArrayList<>();
                        }
                        excluded.addAll(x);
                    }
                }
                List<IndicatorMention> found = null;
                for (CompiledPattern p : ind.patterns()) {
                    List<int[]> ms = matches(p, words, present);
                    for (int k = 0; k < ms.size(); k++) {
                        int[] m = ms.get(k);
                        if (overlapsAny(excluded, m)) {
                            continue;
                        }
                        if (found == null) {
                            found = new ArrayList<>();
                        }
                        found.add(new IndicatorMention(ind.id(), base + sentenceTokens.get(m[0]).start(),
                                base + sentenceTokens.get(m[1] - 1).end(), IndicatorMention.PATTERN, p.text()));
                    }
                }
                if (found != null) {
                    out.addAll(longestFirst(found));
                }
            }
        }
        out = context.keep(text, out);
        out.sort(Comparator.comparingInt(IndicatorMention::start).thenComparingInt(IndicatorMention::end)
                .thenComparing(IndicatorMention::id));
        return out;
    }

    /** Whether the token range {@code m} overlaps one of {@code excluded} (null: none). */
    private static boolean overlapsAny(List<int[]> excluded, int[] m) {
        if (excluded == null) {
            return false;
        }
        for (int k = 0; k < excluded.size(); k++) {
            int[] x = excluded.get(k);
            if (x[0] < m[1] && m[0] < x[1]) {
                return true;
            }
        }
        return false;
    }

    /** Of overlapping mentions of one indicator, the longest (then the earliest) wins. */
    private static List<IndicatorMention> longestFirst(List<IndicatorMention> found) {
        found.sort(Comparator.comparingInt((IndicatorMention m) -> m.start() - m.end())
                .thenComparingInt(IndicatorMention::start));
        List<IndicatorMention> kept = new ArrayList<>();
        for (IndicatorMention m : found) {
            if (kept.stream().noneMatch(k -> k.start() < m.end() && m.start() < k.end())) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** Token ranges [from, to) where the pattern matches; {@code words[i]} are the pattern words token i matches. */
    static List<int[]> matches(CompiledPattern p, BitSet[] words, BitSet present) {
        if (!present.get(p.words().get(0).id())) {
            return List.of(); // no token of the sentence matches the first word
        }
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (matches(p.words().get(0), words[i])) {
                int end = rest(p.words(), 1, words, i + 1);
                if (end > 0) {
                    out.add(new int[] {i, end});
                }
            }
        }
        return out;
    }

    /** Matches pattern words from {@code w} at token {@code t}; the end token index, or -1. */
    private static int rest(List<Word> pattern, int w, BitSet[] words, int t) {
        if (w == pattern.size()) {
            return t;
        }
        Word word = pattern.get(w);
        for (int skip = 0; skip <= word.gapBefore() && t + skip < words.length; skip++) {
            if (matches(word, words[t + skip])) {
                int end = rest(pattern, w + 1, words, t + skip + 1);
                if (end > 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean matches(Word word, BitSet token) {
        return token.get(word.id());
    }

    /** Whether a (lower-case) token matches a pattern word of base form {@code stem} and {@code mode}. */
    static boolean matches(Mode mode, String stem, String token) {
        switch (mode) {
            case EXACT:
                return token.equals(stem);
            case PREFIX:
                return token.startsWith(stem);
            case SUFFIX: {
                int at = token.lastIndexOf(stem);
                return at >= 0 && ENDINGS.contains(token.substring(at + stem.length()));
            }
            default:
                return inflects(stem, token);
        }
    }

    /** The token is the base form inflected, or a compound starting with it. */
    static boolean inflects(String stem, String token) {
        if (token.equals(stem)) {
            return true;
        }
        if (!Character.isLetter(stem.charAt(stem.length() - 1))) {
            return false;
        }
        if (token.startsWith(stem)) {
            String rest = token.substring(stem.length());
            if (ENDINGS.contains(rest)) {
                return true;
            }
            if (stem.length() >= MIN_COMPOUND_HEAD) {
                String tail = rest.startsWith("s") || rest.startsWith("e") ? rest.substring(1) : rest;
                if (isWord(tail) && tail.length() >= MIN_COMPOUND_TAIL) {
                    return true;
                }
                return isWord(rest) && rest.length() >= MIN_COMPOUND_TAIL;
            }
            return false;
        }
        // rutine → rutinar, rutinane; samarbeidsmøte → samarbeidsmøta: a final e gives way to the ending.
        if (stem.length() >= 4 && stem.endsWith("e")) {
            String shorter = stem.substring(0, stem.length() - 1);
            if (token.startsWith(shorter)) {
                String rest = token.substring(shorter.length());
                return !rest.isEmpty() && ENDINGS.contains(rest);
            }
        }
        return false;
    }

    private static boolean isWord(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
