package no.evidens.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * The Norwegian taggers of Evidens: sentences, tokens and names from OpenNLP models trained on the
 * Norwegian Dependency Treebank (see {@code models/README.md}).
 *
 * <p>The models load once, on first use; the name model when names are first asked for (an ingest never asks: the
 * index keeps no names, and reading the model took CPU and heap from every ingest's start). Every method is safe to call
 * from many threads at once: the OpenNLP models are shared (they are thread-safe), the {@code *ME} taggers are one per
 * thread. Offsets are Java String indices into the text given.
 */
public final class NorwegianModels {
    /** Resource folder (classpath) and file names of the bundled models. */
    public static final String RESOURCE_DIR = "/no/evidens/models/";
    public static final String SENTENCE_MODEL = "nb-sent.bin";
    public static final String TOKEN_MODEL = "nb-token.bin";
    public static final String NAME_MODEL = "nb-ner.bin";

    private final SentenceModel sentenceModel;
    private final TokenizerModel tokenizerModel;
    /** Reads the name model, once, when a thread first looks for names. */
    private final NameModelSource nameSource;
    private volatile WindowCachedNameModel nameModel;
    private final ThreadLocal<NorwegianSentenceDetector> sentenceDetector;
    private final ThreadLocal<WordSplits> tokenizer;
    private final ThreadLocal<NameFinderME> nameFinder;
    private final Abbreviations abbreviations = Abbreviations.norwegian();

    private NorwegianModels(SentenceModel sentenceModel, TokenizerModel tokenizerModel,
                            NameModelSource nameSource) {
        this.sentenceModel = sentenceModel;
        this.tokenizerModel = tokenizerModel;
        this.nameSource = nameSource;
        this.sentenceDetector = ThreadLocal.withInitial(
                () -> new NorwegianSentenceDetector(this.sentenceModel, this.abbreviations));
        this.tokenizer = ThreadLocal.withInitial(() -> WordSplits.of(this.tokenizerModel));
        this.nameFinder = ThreadLocal.withInitial(() -> nameModel().finder());
    }

    /** Where the name model is read from. */
    @FunctionalInterface
    private interface NameModelSource {
        WindowCachedNameModel read() throws IOException;
    }

    /** Whether the name model has been read. */
    boolean nameModelRead() {
        return nameModel != null;
    }

    /** The name model, read by the first thread that asks (the others wait for it). */
    private WindowCachedNameModel nameModel() {
        WindowCachedNameModel m = nameModel;
        if (m == null) {
            synchronized (this) {
                m = nameModel;
                if (m == null) {
                    try {
                        m = nameSource.read();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load the Norwegian name model", e);
                    }
                    nameModel = m;
                }
            }
        }
        return m;
    }

    private static final class Holder {
        private static final NorwegianModels SHARED = fromClasspath();
    }

    /** The process-wide instance with the bundled models, loaded on first call. */
    public static NorwegianModels shared() {
        return Holder.SHARED;
    }

    /** Models from a folder holding {@code nb-sent.bin}, {@code nb-token.bin} and {@code nb-ner.bin}. */
    public static NorwegianModels fromDirectory(Path dir) throws IOException {
        try (InputStream s = Files.newInputStream(dir.resolve(SENTENCE_MODEL));
             InputStream t = Files.newInputStream(dir.resolve(TOKEN_MODEL));
             InputStream n = Files.newInputStream(dir.resolve(NAME_MODEL))) {
            WindowCachedNameModel names = new WindowCachedNameModel(n);
            return new NorwegianModels(new SentenceModel(s), new TokenizerModel(t), () -> names);
        }
    }

    /** A new instance with the bundled models (the name model read when first asked for). */
    static NorwegianModels fromClasspath() {
        try (InputStream s = resource(SENTENCE_MODEL);
             InputStream t = resource(TOKEN_MODEL)) {
            return new NorwegianModels(new SentenceModel(s), new TokenizerModel(t), () -> {
                try (InputStream n = resource(NAME_MODEL)) {
                    return new WindowCachedNameModel(n);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled Norwegian models", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = NorwegianModels.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IOException("missing model resource " + RESOURCE_DIR + name);
        }
        return in;
    }

    /** Sentences of {@code text} (type {@code SENTENCE}), trimmed of surrounding white space, in order. */
    public List<TaggedSpan> sentences(String text) {
        NorwegianSentenceDetector detector = sentenceDetector.get();
        List<TaggedSpan> out = new ArrayList<>();
        for (int[] block : TextBlocks.blocks(text)) {
            String blockText = text.substring(block[0], block[1]);
            for (Span span : detector.sentPosDetect(blockText)) {
                out.add(new TaggedSpan("SENTENCE", block[0] + span.getStart(), block[0] + span.getEnd()));
            }
        }
        return out;
    }

    /** Tokens of {@code text} (type {@code TOKEN}), sentence by sentence, in order. */
    public List<TaggedSpan> tokens(String text) {
        List<TaggedSpan> out = new ArrayList<>();
        for (TaggedSpan sentence : sentences(text)) {
            for (Span token : tokenSpans(sentence.cut(text))) {
                out.add(new TaggedSpan("TOKEN", sentence.start() + token.getStart(), sentence.start() + token.getEnd()));
            }
        }
        return out;
    }

    /** Tokens of one sentence, as offsets into it. */
    public List<TaggedSpan> tokensOfSentence(String sentence) {
        return new TokenSpans(tokenSpans(sentence));
    }

    /** Person, organisation and location names (types {@code PER}, {@code ORG}, {@code LOC}). */
    public List<TaggedSpan> names(String text) {
        NameFinderME finder = nameFinder.get();
        finder.clearAdaptiveData(); // the result must not depend on what this thread saw before
        List<TaggedSpan> sentenceSpans = sentences(text);
        List<String> texts = new ArrayList<>();
        List<List<TaggedSpan>> tokens = new ArrayList<>();
        List<List<TaggedSpan>> found = new ArrayList<>();
        for (TaggedSpan sentence : sentenceSpans) {
            String sentenceText = sentence.cut(text);
            Span[] spans = tokenSpans(sentenceText);
            texts.add(sentenceText);
            tokens.add(toTagged(spans));
            found.add(names(finder, sentenceText, spans));
        }
        finder.clearAdaptiveData();
        List<List<TaggedSpan>> refined = DocumentNames.refine(texts, tokens, found);
        List<TaggedSpan> out = new ArrayList<>();
        for (int i = 0; i < refined.size(); i++) {
            int base = sentenceSpans.get(i).start();
            for (TaggedSpan name : refined.get(i)) {
                out.add(new TaggedSpan(name.type(), base + name.start(), base + name.end()));
            }
        }
        return out;
    }

    /**
     * Names in one sentence whose tokens are already known (offsets into {@code sentence}); adaptive
     * data is cleared first, so each call stands alone.
     */
    public List<TaggedSpan> namesOfTokens(String sentence, List<TaggedSpan> tokens) {
        NameFinderME finder = nameFinder.get();
        finder.clearAdaptiveData();
        Span[] spans = new Span[tokens.size()];
        for (int i = 0; i < spans.length; i++) {
            spans[i] = new Span(tokens.get(i).start(), tokens.get(i).end());
        }
        List<TaggedSpan> out = names(finder, sentence, spans);
        finder.clearAdaptiveData();
        return out;
    }

    /**
     * Names in the sentences of one document whose tokens are already known (offsets into each sentence),
     * in order: what the finder learns from earlier sentences (a full name before a surname alone) helps
     * later ones, as in {@link #names(String)}; then {@link DocumentNames} repairs them (titles out, the
     * words of a full name propagated through the document). Returns one list per sentence.
     */
    public List<List<TaggedSpan>> namesOfDocument(List<String> sentences, List<List<TaggedSpan>> tokens) {
        NameFinderME finder = nameFinder.get();
        finder.clearAdaptiveData();
        List<List<TaggedSpan>> out = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<TaggedSpan> sentenceTokens = tokens.get(s);
            Span[] spans = new Span[sentenceTokens.size()];
            for (int i = 0; i < spans.length; i++) {
                spans[i] = new Span(sentenceTokens.get(i).start(), sentenceTokens.get(i).end());
            }
            out.add(names(finder, sentences.get(s), spans));
        }
        finder.clearAdaptiveData();
        return DocumentNames.refine(sentences, tokens, out);
    }

    /**
     * Runs of tokens this thread's name finder searched with the model, and runs it answered from memory (the same
     * tokens seen before in the same state of the finder's adaptive data: see {@code RememberingNameFinder}), since
     * the last {@link #forgetNameRuns()}, then the windows of tokens in the runs searched whose probabilities the
     * model worked out and those taken from memory; zeros when the name model's features do not allow remembering.
     */
    public long[] nameRunCounts() {
        return nameFinder.get() instanceof RememberingNameFinder r ? r.counts() : new long[4];
    }

    /**
     * Forgets the runs this thread's name finder remembers, and its counts: the names found stay the same either
     * way; a benchmark that tags the same texts again calls this so each round costs what the first did.
     */
    public void forgetNameRuns() {
        nameFinder.remove();
    }

    /**
     * The tokenizer's spans, with one repair: a word directly followed by a period token is joined with
     * it when together they are a known abbreviation ({@code Jf.}, {@code pkt.}), which the model, trained
     * on newspaper text, sometimes splits.
     */
    private Span[] tokenSpans(String sentence) {
        Span[] spans = tokenizer.get().tokenizePos(sentence);
        List<Span> out = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            Span span = spans[i];
            if (i + 1 < spans.length && spans[i + 1].getStart() == span.getEnd()
                    && spans[i + 1].length() == 1 && sentence.charAt(spans[i + 1].getStart()) == '.'
                    && abbreviations.kindOf(sentence.substring(span.getStart(), span.getEnd() + 1)) != null) {
                out.add(new Span(span.getStart(), span.getEnd() + 1));
                i++;
            } else {
                out.add(span);
            }
        }
        return out.toArray(new Span[0]);
    }

    private static List<TaggedSpan> toTagged(Span[] spans) {
        return new TokenSpans(spans);
    }

    private static List<TaggedSpan> names(NameFinderME finder, String sentence, Span[] tokens) {
        String[] words = Span.spansToStrings(tokens, sentence);
        List<TaggedSpan> out = new ArrayList<>();
        for (int from = 0; from < words.length; ) {
            int to = windowEnd(words, from);
            for (Span name : finder.find(java.util.Arrays.copyOfRange(words, from, to))) {
                int start = tokens[from + name.getStart()].getStart();
                int end = tokens[from + name.getEnd() - 1].getEnd();
                out.add(new TaggedSpan(name.getType(), start, end));
            }
            from = to;
        }
        return out;
    }

    /** Longest run of tokens the name finder gets at once (a sentence is seldom over 60 tokens). */
    static final int NAME_WINDOW = 200;

    /**
     * Where the window of tokens starting at {@code from} ends. OpenNLP's beam search copies the outcomes so
     * far at every token, so its time grows with the square of a sentence's length: a "sentence" of tens of
     * thousands of tokens (a spreadsheet, a list without full stops) held a batch for many minutes. A longer
     * run is cut into windows, each ended before a word that does not start with a capital letter (a name
     * is not cut in two), or at the window's length when there is none such in its last quarter.
     */
    static int windowEnd(String[] words, int from) {
        int end = from + NAME_WINDOW;
        if (end >= words.length) {
            return words.length;
        }
        for (int i = end; i > end - NAME_WINDOW / 4; i--) {
            if (!words[i].isEmpty() && !Character.isUpperCase(words[i].codePointAt(0))) {
                return i;
            }
        }
        return end;
    }
}
