package no.evidens.models.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;

/**
 * Throughput of the Norwegian models on a set of texts, beside a plain regex baseline in the same run.
 *
 * <p>The models do what the pipeline does for a document: {@link NorwegianModels#sentences}, then
 * {@link NorwegianModels#tokensOfSentence} for each sentence, then {@link NorwegianModels#namesOfDocument}.
 * The baseline splits at blank lines and after {@code . ! ?} before an upper-case letter or an opening
 * quote, and tokenizes with {@code [\p{L}\p{N}]+|\S}. Each side gets its own warm-up, then runs over the
 * texts again and again until the measuring time has passed (at least one round). Single thread.
 */
public final class ModelBenchmark {

    /** Figures of one side: rounds over the texts, elapsed time, and what was found. */
    public record Side(int rounds, long nanos, long characters, long sentences, long tokens, long names) {
        public double seconds() {
            return nanos / 1e9;
        }

        public double perSecond(long count) {
            return nanos == 0 ? 0 : count / seconds();
        }
    }

    /** The whole result. */
    public record Result(long loadMillis, int documents, long charactersPerRound, Side models, Side baseline) {
        /** How many times faster the baseline goes through the same text (characters per second). */
        public double baselineSpeedup() {
            double m = models.perSecond(models.characters());
            return m == 0 ? 0 : baseline.perSecond(baseline.characters()) / m;
        }
    }

    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][»\"”)]?)\\s+(?=[\\p{Lu}«\"])");
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|\\S");

    private ModelBenchmark() {
    }

    /**
     * Loads the models with {@code loader} (timed: the first load in the process is the cold one), then
     * measures both sides over {@code texts}.
     */
    public static Result run(Supplier<NorwegianModels> loader, List<String> texts, double warmupSeconds,
                             double measureSeconds) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to run the benchmark on");
        }
        long t0 = System.nanoTime();
        NorwegianModels models = loader.get();
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        long chars = texts.stream().mapToLong(String::length).sum();
        repeat(texts, warmupSeconds, text -> modelRound(models, text));
        Side m = repeat(texts, measureSeconds, text -> modelRound(models, text));
        repeat(texts, warmupSeconds, ModelBenchmark::baselineRound);
        Side b = repeat(texts, measureSeconds, ModelBenchmark::baselineRound);
        return new Result(loadMillis, texts.size(), chars, m, b);
    }

    public static void print(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "model load (cold)        : %d ms%n", r.loadMillis());
        out.printf(Locale.ROOT, "input                    : %d documents, %d characters a round%n",
                r.documents(), r.charactersPerRound());
        line(out, "models   (sent+tok+names)", r.models());
        line(out, "baseline (regex)         ", r.baseline());
        out.printf(Locale.ROOT, "ratio                    : baseline %.1fx the characters/s of the models "
                + "(models %.3f of baseline)%n", r.baselineSpeedup(),
                r.baselineSpeedup() == 0 ? 0 : 1 / r.baselineSpeedup());
    }

    private static void line(PrintStream out, String label, Side s) {
        out.printf(Locale.ROOT, "%s: %d rounds in %.2f s, %.0f sentences/s, %.0f tokens/s, %.0f characters/s"
                + " (%d sentences, %d tokens, %d names a round)%n", label, s.rounds(), s.seconds(),
                s.perSecond(s.sentences()), s.perSecond(s.tokens()), s.perSecond(s.characters()),
                s.sentences() / Math.max(1, s.rounds()), s.tokens() / Math.max(1, s.rounds()),
                s.names() / Math.max(1, s.rounds()));
    }

    /** Counts of one document: sentences, tokens, names. */
    private record Counts(long sentences, long tokens, long names) {
    }

    private interface Work {
        Counts apply(String text);
    }

    private static Side repeat(List<String> texts, double seconds, Work work) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long elapsed;
        int rounds = 0;
        long chars = 0;
        long sentences = 0;
        long tokens = 0;
        long names = 0;
        do {
            for (String text : texts) {
                Counts c = work.apply(text);
                chars += text.length();
                sentences += c.sentences();
                tokens += c.tokens();
                names += c.names();
            }
            rounds++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new Side(rounds, elapsed, chars, sentences, tokens, names);
    }

    /** The pipeline's path through one document. */
    static Counts modelRound(NorwegianModels models, String text) {
        List<TaggedSpan> sentences = models.sentences(text);
        List<String> sentenceTexts = new ArrayList<>(sentences.size());
        List<List<TaggedSpan>> tokens = new ArrayList<>(sentences.size());
        long tokenCount = 0;
        for (TaggedSpan s : sentences) {
            String sentence = s.cut(text);
            List<TaggedSpan> t = models.tokensOfSentence(sentence);
            sentenceTexts.add(sentence);
            tokens.add(t);
            tokenCount += t.size();
        }
        long names = 0;
        for (List<TaggedSpan> n : models.namesOfDocument(sentenceTexts, tokens)) {
            names += n.size();
        }
        return new Counts(sentences.size(), tokenCount, names);
    }

    /** The regex baseline through one document. */
    static Counts baselineRound(String text) {
        long sentences = 0;
        long tokens = 0;
        for (String paragraph : PARAGRAPH.split(text)) {
            if (paragraph.isBlank()) {
                continue;
            }
            for (String sentence : SENTENCE_END.split(paragraph.strip())) {
                sentences++;
                Matcher m = TOKEN.matcher(sentence);
                while (m.find()) {
                    tokens++;
                }
            }
        }
        return new Counts(sentences, tokens, 0);
    }
}
