package no.evidens.models.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import no.evidens.models.Abbreviations;
import no.evidens.models.NorwegianModels;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.sentdetect.SentenceDetectorFactory;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.SentenceSample;
import opennlp.tools.tokenize.TokenSample;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import opennlp.tools.util.model.BaseModel;

/**
 * Trains the Norwegian sentence detector, tokenizer and name finder with OpenNLP's own trainers from
 * the UD train part of the Norwegian Dependency Treebank (NorNE CoNLL files), plus generated audit-style
 * text ({@link SyntheticAuditText}). Parameters and seeds are fixed: the same data gives the same models.
 *
 * <p>Run: {@code java no.evidens.models.train.ModelTrainer --data DIR [--out DIR]}.
 */
public final class ModelTrainer {
    /** Seed of the synthetic audit text. */
    public static final long SYNTHETIC_SEED = 20_240_611L;
    /** Paragraphs of synthetic audit text added to the treebank text. */
    public static final int SYNTHETIC_PARAGRAPHS = 1200;
    /** Letters and digits, Norwegian letters included: such tokens are never split. */
    public static final Pattern ALPHANUMERIC = Pattern.compile("^[\\p{L}\\p{Nd}]+$");
    public static final String LANGUAGE = "nb";
    /** Candidate sentence ends; the treebank also ends sentences at a colon ("Foto: Reuters"). */
    public static final char[] EOS_CHARACTERS = {'.', '!', '?', ':'};
    /** Feature generator descriptor of the name finder (classpath resource). */
    public static final String NAME_FEATURES = "/no/evidens/models/train/ner-features.xml";

    /** What a training run read and wrote. */
    public record Result(int trainFiles, int treebankSentences, int syntheticSentences, int names,
                         List<Path> written, long millis) {
    }

    private ModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path data = null;
        Path out = Path.of("models/src/main/resources/no/evidens/models");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (data == null) {
            System.err.println("usage: ModelTrainer --data DIR [--out DIR]");
            System.exit(2);
        }
        train(data, out, System.out);
    }

    /** Trains all three models from the treebank folder {@code data} into {@code out}. */
    public static Result train(Path data, Path out, PrintStream log) throws IOException {
        return train(data, out, log, SYNTHETIC_PARAGRAPHS);
    }

    /** As {@link #train(Path, Path, PrintStream)} with another amount of synthetic text (tests use little). */
    public static Result train(Path data, Path out, PrintStream log, int syntheticParagraphs) throws IOException {
        long t0 = System.currentTimeMillis();
        if (!Files.isDirectory(data)) {
            throw new IOException("not a folder: " + data);
        }
        List<Path> trainFiles;
        try (Stream<Path> files = Files.list(data)) {
            trainFiles = files.filter(p -> p.getFileName().toString().endsWith(".conll"))
                    .filter(UdSplit::isTrain).sorted().toList();
        }
        if (trainFiles.isEmpty()) {
            throw new IOException("no UD train-part .conll files in " + data);
        }
        List<List<NdtSentence>> documents = new ArrayList<>();
        int treebankSentences = 0;
        for (Path file : trainFiles) {
            List<NdtSentence> sentences = NdtReader.read(file);
            treebankSentences += sentences.size();
            documents.add(sentences);
        }
        List<List<NdtSentence>> synthetic = new SyntheticAuditText(SYNTHETIC_SEED).paragraphs(syntheticParagraphs);
        int syntheticSentences = synthetic.stream().mapToInt(List::size).sum();
        log.printf("data: %d UD train-part files, %d treebank sentences, %d synthetic sentences%n",
                trainFiles.size(), treebankSentences, syntheticSentences);

        List<List<NdtSentence>> all = new ArrayList<>(documents);
        all.addAll(synthetic);
        Files.createDirectories(out);
        Dictionary abbreviations = Abbreviations.norwegian().toDictionary();
        List<Path> written = new ArrayList<>();

        long t = System.currentTimeMillis();
        SentenceModel sentenceModel = SentenceDetectorME.train(LANGUAGE,
                new CollectionObjectStream<>(sentenceSamples(all)),
                new SentenceDetectorFactory(LANGUAGE, true, abbreviations, EOS_CHARACTERS),
                sentenceParameters());
        written.add(write(sentenceModel, out.resolve(NorwegianModels.SENTENCE_MODEL)));
        log.printf("sentence detector trained in %.1f s%n", (System.currentTimeMillis() - t) / 1000.0);

        t = System.currentTimeMillis();
        TokenizerModel tokenizerModel = TokenizerME.train(
                new CollectionObjectStream<>(tokenSamples(all)),
                new TokenizerFactory(LANGUAGE, abbreviations, true, ALPHANUMERIC),
                tokenizerParameters());
        written.add(write(tokenizerModel, out.resolve(NorwegianModels.TOKEN_MODEL)));
        log.printf("tokenizer trained in %.1f s%n", (System.currentTimeMillis() - t) / 1000.0);

        t = System.currentTimeMillis();
        List<NameSample> nameSamples = nameSamples(all);
        int names = nameSamples.stream().mapToInt(s -> s.getNames().length).sum();
        TokenNameFinderModel nameModel = NameFinderME.train(LANGUAGE, null,
                new CollectionObjectStream<>(nameSamples), nameParameters(),
                TokenNameFinderFactory.create(null, nameFeatures(), Map.of(), new BioCodec()));
        written.add(write(nameModel, out.resolve(NorwegianModels.NAME_MODEL)));
        log.printf("name finder trained in %.1f s (%d names)%n", (System.currentTimeMillis() - t) / 1000.0, names);

        long millis = System.currentTimeMillis() - t0;
        for (Path p : written) {
            log.printf("wrote %s (%.1f MB)%n", p, Files.size(p) / 1e6);
        }
        log.printf("total training time %.1f s%n", millis / 1000.0);
        return new Result(trainFiles.size(), treebankSentences, syntheticSentences, names, written, millis);
    }

    /** OpenNLP defaults, written out: maxent (GIS), 100 iterations, cutoff 5. */
    public static TrainingParameters sentenceParameters() {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
        p.put(TrainingParameters.ITERATIONS_PARAM, 100);
        p.put(TrainingParameters.CUTOFF_PARAM, 5);
        p.put(TrainingParameters.THREADS_PARAM, 1);
        return p;
    }

    public static TrainingParameters tokenizerParameters() {
        return sentenceParameters();
    }

    /** Averaged perceptron, 300 iterations, cutoff 0 (deterministic: no shuffling, no random start). */
    public static TrainingParameters nameParameters() {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, "PERCEPTRON");
        p.put(TrainingParameters.ITERATIONS_PARAM, 300);
        p.put(TrainingParameters.CUTOFF_PARAM, 0);
        p.put(TrainingParameters.THREADS_PARAM, 1);
        return p;
    }

    /** The bytes of {@link #NAME_FEATURES}. */
    public static byte[] nameFeatures() throws IOException {
        try (InputStream in = ModelTrainer.class.getResourceAsStream(NAME_FEATURES)) {
            if (in == null) {
                throw new IOException("missing resource " + NAME_FEATURES);
            }
            return in.readAllBytes();
        }
    }

    /** One sample per paragraph: its rebuilt text and sentence spans. */
    static List<SentenceSample> sentenceSamples(List<List<NdtSentence>> documents) {
        List<SentenceSample> samples = new ArrayList<>();
        for (List<NdtSentence> document : documents) {
            StringBuilder text = new StringBuilder();
            List<Span> spans = new ArrayList<>();
            for (NdtSentence sentence : document) {
                Detokenizer.Rebuilt rebuilt = Detokenizer.rebuild(forms(sentence));
                if (rebuilt.text().isEmpty()) {
                    continue;
                }
                if (text.length() > 0) {
                    text.append(' ');
                }
                spans.add(new Span(text.length(), text.length() + rebuilt.text().length()));
                text.append(rebuilt.text());
                if (sentence.paragraphEnd()) {
                    samples.add(new SentenceSample(text.toString(), spans.toArray(new Span[0])));
                    text.setLength(0);
                    spans.clear();
                }
            }
            if (!spans.isEmpty()) {
                samples.add(new SentenceSample(text.toString(), spans.toArray(new Span[0])));
            }
        }
        return samples;
    }

    /** One sample per sentence: its rebuilt text and token spans. */
    static List<TokenSample> tokenSamples(List<List<NdtSentence>> documents) {
        List<TokenSample> samples = new ArrayList<>();
        for (List<NdtSentence> document : documents) {
            for (NdtSentence sentence : document) {
                Detokenizer.Rebuilt rebuilt = Detokenizer.rebuild(forms(sentence));
                if (!rebuilt.text().isEmpty()) {
                    samples.add(new TokenSample(rebuilt.text(), rebuilt.keptSpans()));
                }
            }
        }
        return samples;
    }

    /** One sample per sentence (tokens and name spans); adaptive data is cleared at each document start. */
    static List<NameSample> nameSamples(List<List<NdtSentence>> documents) {
        List<NameSample> samples = new ArrayList<>();
        for (List<NdtSentence> document : documents) {
            boolean first = true;
            for (NdtSentence sentence : document) {
                if (sentence.tokens().isEmpty()) {
                    continue;
                }
                samples.add(new NameSample(forms(sentence).toArray(new String[0]), nameSpans(sentence), first));
                first = false;
            }
        }
        return samples;
    }

    /** Name spans (token indices) from the BIO tags; an I- tag that does not continue its type opens a name. */
    public static Span[] nameSpans(NdtSentence sentence) {
        List<Span> spans = new ArrayList<>();
        List<NdtToken> tokens = sentence.tokens();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tokens.size(); i++) {
            String tag = i < tokens.size() ? tokens.get(i).name() : "O";
            boolean continues = tag.startsWith("I-") && type != null && tag.substring(2).equals(type);
            if (start >= 0 && !continues) {
                spans.add(new Span(start, i, type));
                start = -1;
                type = null;
            }
            if (!tag.equals("O") && !continues) {
                start = i;
                type = tag.substring(2);
            }
        }
        return spans.toArray(new Span[0]);
    }

    private static List<String> forms(NdtSentence sentence) {
        return sentence.tokens().stream().map(NdtToken::form).toList();
    }

    private static Path write(BaseModel model, Path file) throws IOException {
        try (OutputStream os = Files.newOutputStream(file)) {
            model.serialize(os);
        }
        return file;
    }
}
