package no.evidens.models.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import no.evidens.models.train.Detokenizer;
import no.evidens.models.train.NdtReader;
import no.evidens.models.train.NdtSentence;
import no.evidens.models.train.NdtToken;

/**
 * Treebank <b>training</b> files (the UD train part of {@code ndt-nob-train}, which the CoNLL-U dev file does not
 * hold) that carry quotation gold too, listed in {@value #RESOURCE} in the {@link GoldFolder}: file, split, sentence
 * count and a check of the whole document text. These files have no raw text, so each is rebuilt from its tokens
 * ({@link Detokenizer}, as the anonymisation evaluation does): sentences joined by a space, a blank line after a
 * sentence that ends with the treebank's {@code |} (a heading or a paragraph end). The documents come out as
 * {@link TreebankDocuments.Doc}s, so the quotation evaluation scores them as it scores the dev part.
 */
public final class TreebankTrainDocuments {
    public static final String RESOURCE = "treebank-train-documents.tsv";

    private record Entry(String id, String split, int sentences, String check) {
    }

    private TreebankTrainDocuments() {
    }

    /** Whether the gold folder lists training files at all (older gold folders do not). */
    public static boolean listed() {
        return Files.isRegularFile(GoldFolder.dir().resolve(RESOURCE));
    }

    /**
     * The listed files, read from {@code ndtDir} and checked against the list.
     *
     * @throws IllegalArgumentException when a file is missing or its text is not the one the gold was made on
     */
    public static List<TreebankDocuments.Doc> read(Path ndtDir) throws IOException {
        List<TreebankDocuments.Doc> out = new ArrayList<>();
        for (Entry e : entries()) {
            Path file = ndtDir.resolve(e.id() + ".conll");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no treebank file " + file.toAbsolutePath().normalize()
                        + ": give the treebank folder (../shared/nlp/ndt-nob-train) with --ndt DIR");
            }
            TreebankDocuments.Doc doc = new TreebankDocuments.Doc(e.id(), e.split(), rebuild(NdtReader.read(file)));
            if (doc.document().sentences().size() != e.sentences() || !TreebankDocuments.check(doc.text()).equals(e.check())) {
                throw new IllegalArgumentException("treebank file " + e.id() + " is not the one the quotation gold was "
                        + "made on: give ../shared/nlp/ndt-nob-train");
            }
            out.add(doc);
        }
        return out;
    }

    /** The sentences as a document: each rebuilt from its tokens, a new paragraph after a {@code |}. */
    public static ConlluReader.Document rebuild(List<NdtSentence> sentences) {
        List<ConlluReader.Sentence> out = new ArrayList<>();
        boolean newParagraph = false;
        for (NdtSentence sentence : sentences) {
            String text = Detokenizer.rebuild(sentence.tokens().stream().map(NdtToken::form).toList()).text();
            out.add(new ConlluReader.Sentence(text, newParagraph, List.of()));
            newParagraph = sentence.paragraphEnd();
        }
        return new ConlluReader.Document(out);
    }

    private static List<Entry> entries() {
        return GoldFolder.rows(RESOURCE).stream().map(f -> new Entry(f[0], f[1], Integer.parseInt(f[2]), f[3])).toList();
    }
}
