package no.evidens.models.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import no.evidens.models.NorwegianModels;
import no.evidens.models.TaggedSpan;
import no.evidens.models.train.ModelTrainer;
import no.evidens.models.train.NdtSentence;
import no.evidens.models.train.NdtToken;
import opennlp.tools.util.Span;

/**
 * Evaluates the Norwegian models on a CoNLL-U file (see {@link ConlluReader}).
 *
 * <ul>
 *   <li>Sentences: each document's raw text is rebuilt by joining its {@code # text} sentences with a
 *       space, and with a blank line where {@code # newpar} opens a paragraph ("paragraph-aware"); a
 *       second, harder variant joins everything with a single space ("flat"). The detector runs on that
 *       text; scores count sentence boundaries (end offsets, exact match) and whole sentence spans.</li>
 *   <li>Tokens: the tokenizer runs on each gold sentence text; token spans must match exactly.</li>
 *   <li>Names: the name finder runs on each gold sentence, on our own tokens (what users get) and on the
 *       gold tokens, a document at a time (as {@link NorwegianModels#names} does); a name counts if its type and character span match exactly. PER, ORG, LOC and overall.</li>
 * </ul>
 */
public final class ModelEvaluator {
    /** The figures of one run. */
    public record Report(Prf sentenceBoundaries, Prf sentenceSpans, Prf flatBoundaries, Prf tokens,
                         Map<String, Prf> names, Map<String, Prf> namesGoldTokens, int documents, int sentences) {
    }

    public static final List<String> TYPES = List.of("PER", "ORG", "LOC");

    private ModelEvaluator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ModelEvaluator FILE.conllu [MODEL_DIR]");
            System.exit(2);
        }
        NorwegianModels models = args.length == 2
                ? NorwegianModels.fromDirectory(Path.of(args[1])) : NorwegianModels.shared();
        print(evaluate(Path.of(args[0]), models), System.out);
    }

    /** Reads {@code conllu} and evaluates {@code models} on it. */
    public static Report evaluate(Path conllu, NorwegianModels models) throws IOException {
        try (Reader in = Files.newBufferedReader(conllu, StandardCharsets.UTF_8)) {
            return evaluate(ConlluReader.read(in), models);
        }
    }

    public static Report evaluate(List<ConlluReader.Document> documents, NorwegianModels models) {
        Prf boundaries = new Prf();
        Prf spans = new Prf();
        Prf flat = new Prf();
        Prf tokens = new Prf();
        Map<String, Prf> names = newTypeMap();
        Map<String, Prf> namesGold = newTypeMap();
        int sentenceCount = 0;
        for (ConlluReader.Document document : documents) {
            sentenceCount += document.sentences().size();
            evaluateSentences(document, models, true, boundaries, spans);
            evaluateSentences(document, models, false, flat, new Prf());
            List<String> texts = new ArrayList<>();
            List<List<TaggedSpan>> goldTokenLists = new ArrayList<>();
            List<List<TaggedSpan>> ourTokenLists = new ArrayList<>();
            List<List<TaggedSpan>> goldNameLists = new ArrayList<>();
            for (ConlluReader.Sentence sentence : document.sentences()) {
                List<TaggedSpan> goldTokens = new ArrayList<>();
                for (ConlluReader.Token t : sentence.tokens()) {
                    goldTokens.add(new TaggedSpan("TOKEN", t.start(), t.end()));
                }
                List<TaggedSpan> ourTokens = models.tokensOfSentence(sentence.text());
                tokens.add(goldTokens, ourTokens);
                texts.add(sentence.text());
                goldTokenLists.add(goldTokens);
                ourTokenLists.add(ourTokens);
                goldNameLists.add(goldNames(sentence));
            }
            List<List<TaggedSpan>> ourNames = models.namesOfDocument(texts, ourTokenLists);
            List<List<TaggedSpan>> goldTokenNames = models.namesOfDocument(texts, goldTokenLists);
            for (int i = 0; i < texts.size(); i++) {
                addNames(names, goldNameLists.get(i), ourNames.get(i));
                addNames(namesGold, goldNameLists.get(i), goldTokenNames.get(i));
            }
        }
        return new Report(boundaries, spans, flat, tokens, names, namesGold, documents.size(), sentenceCount);
    }

    /** Prints the report, one figure a line. */
    public static void print(Report r, PrintStream out) {
        out.printf("documents %d, sentences %d%n", r.documents(), r.sentences());
        out.println("sentence boundaries (paragraph-aware text): " + r.sentenceBoundaries());
        out.println("sentence spans      (paragraph-aware text): " + r.sentenceSpans());
        out.println("sentence boundaries (flat text)           : " + r.flatBoundaries());
        out.println("tokens                                    : " + r.tokens());
        for (Map.Entry<String, Prf> e : r.names().entrySet()) {
            out.printf("names %-7s (our tokens)                : %s%n", e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Prf> e : r.namesGoldTokens().entrySet()) {
            out.printf("names %-7s (gold tokens)               : %s%n", e.getKey(), e.getValue());
        }
    }

    private static Map<String, Prf> newTypeMap() {
        Map<String, Prf> map = new LinkedHashMap<>();
        for (String type : TYPES) {
            map.put(type, new Prf());
        }
        map.put("overall", new Prf());
        return map;
    }

    private static void evaluateSentences(ConlluReader.Document document, NorwegianModels models,
                                          boolean paragraphAware, Prf boundaries, Prf spans) {
        StringBuilder text = new StringBuilder();
        List<TaggedSpan> gold = new ArrayList<>();
        for (ConlluReader.Sentence sentence : document.sentences()) {
            if (text.length() > 0) {
                text.append(paragraphAware && sentence.newParagraph() ? "\n\n" : " ");
            }
            gold.add(new TaggedSpan("SENTENCE", text.length(), text.length() + sentence.text().length()));
            text.append(sentence.text());
        }
        List<TaggedSpan> predicted = models.sentences(text.toString());
        boundaries.add(ends(gold, text.length()), ends(predicted, text.length()));
        spans.add(gold, predicted);
    }

    /** Sentence end offsets, without the end of the text (which is no decision). */
    private static List<Integer> ends(List<TaggedSpan> sentences, int textLength) {
        List<Integer> out = new ArrayList<>();
        for (TaggedSpan s : sentences) {
            if (s.end() < textLength) {
                out.add(s.end());
            }
        }
        return out;
    }

    private static List<TaggedSpan> goldNames(ConlluReader.Sentence sentence) {
        List<NdtToken> tokens = sentence.tokens().stream().map(t -> new NdtToken(t.form(), t.name())).toList();
        List<TaggedSpan> out = new ArrayList<>();
        for (Span span : ModelTrainer.nameSpans(new NdtSentence(tokens, false))) {
            int start = sentence.tokens().get(span.getStart()).start();
            int end = sentence.tokens().get(span.getEnd() - 1).end();
            out.add(new TaggedSpan(span.getType(), start, end));
        }
        return out;
    }

    private static void addNames(Map<String, Prf> map, List<TaggedSpan> gold, List<TaggedSpan> predicted) {
        for (String type : TYPES) {
            map.get(type).add(gold.stream().filter(s -> s.type().equals(type)).toList(),
                    predicted.stream().filter(s -> s.type().equals(type)).toList());
        }
        map.get("overall").add(gold, predicted);
    }
}
