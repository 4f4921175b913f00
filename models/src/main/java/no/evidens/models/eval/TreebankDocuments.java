package no.evidens.models.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The treebank's dev part as documents: {@code norne-nob-ud-dev.conllu} holds no {@code # newdoc}, so its
 * sentences are cut into the treebank files they come from by the list {@value #RESOURCE} in the {@link GoldFolder} (file,
 * split, sentence count, a check of the first sentence). Each document's text is its {@code # text} sentences
 * joined by a space, with a blank line where {@code # newpar} opens a paragraph (what
 * {@link ModelEvaluator} calls paragraph-aware). Split as {@link NameEvaluation}: alternate files, dev and test.
 */
public final class TreebankDocuments {
    public static final String RESOURCE = "treebank-documents.tsv";

    /** One treebank file: its id (file name without {@code .conll}), split, and sentences. */
    public record Doc(String id, String split, ConlluReader.Document document) {
        /** The paragraph-aware text the offsets of a treebank gold index into. */
        public String text() {
            return paragraphText(document);
        }
    }

    private record Entry(String id, String split, int sentences, String check) {
    }

    private TreebankDocuments() {
    }

    /** Reads the CoNLL-U file and cuts it into its documents. */
    public static List<Doc> read(Path conllu) throws IOException {
        try (Reader in = Files.newBufferedReader(conllu, StandardCharsets.UTF_8)) {
            return cut(ConlluReader.read(in));
        }
    }

    /** The documents of one split: {@code dev}, {@code test}, or {@code all}. */
    public static List<Doc> of(List<Doc> docs, String split) {
        return docs.stream().filter(d -> "all".equals(split) || d.split().equals(split)).toList();
    }

    /**
     * Cuts the sentences of {@code read} (one document, or several read in order) into the treebank files.
     *
     * @throws IllegalArgumentException when the sentences are not those the list describes
     */
    public static List<Doc> cut(List<ConlluReader.Document> read) {
        List<ConlluReader.Sentence> all = new ArrayList<>();
        read.forEach(d -> all.addAll(d.sentences()));
        List<Entry> entries = entries();
        int total = entries.stream().mapToInt(Entry::sentences).sum();
        if (all.size() != total) {
            throw new IllegalArgumentException("the CoNLL-U file has " + all.size() + " sentences, the treebank's dev "
                    + "part " + total + ": give ../shared/nlp/norne-nob-ud-dev.conllu");
        }
        List<Doc> out = new ArrayList<>();
        int at = 0;
        for (Entry e : entries) {
            List<ConlluReader.Sentence> sentences = all.subList(at, at + e.sentences());
            if (!check(sentences.get(0).text()).equals(e.check())) {
                throw new IllegalArgumentException("sentence " + (at + 1) + " is not the first of treebank file " + e.id()
                        + ": give ../shared/nlp/norne-nob-ud-dev.conllu");
            }
            out.add(new Doc(e.id(), e.split(), new ConlluReader.Document(sentences)));
            at += e.sentences();
        }
        return out;
    }

    /** Every treebank file of the list with its split, in file order. */
    public static Map<String, String> splits() {
        Map<String, String> out = new LinkedHashMap<>();
        entries().forEach(e -> out.put(e.id(), e.split()));
        return out;
    }

    /** Sentences joined by a space, paragraphs ({@code # newpar}) by a blank line. */
    public static String paragraphText(ConlluReader.Document document) {
        StringBuilder text = new StringBuilder();
        for (ConlluReader.Sentence sentence : document.sentences()) {
            if (text.length() > 0) {
                text.append(sentence.newParagraph() ? "\n\n" : " ");
            }
            text.append(sentence.text());
        }
        return text.toString();
    }

    /** The first 8 hex digits of the SHA-1 of the text (UTF-8): the check kept beside offsets and sentences. */
    public static String check(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Entry> entries() {
        return GoldFolder.rows(RESOURCE).stream().map(f -> new Entry(f[0], f[1], Integer.parseInt(f[2]), f[3])).toList();
    }
}
