package no.evidens.models.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import no.evidens.models.NorwegianModels;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.CollectionObjectStream;

/**
 * More development text for the name rules: the treebank's UD <b>train</b> part, on which the bundled name model
 * was trained, split into {@link #held(Path) held-out} files (every sixth in name order, across every genre) and the
 * rest. A name model trained as {@link ModelTrainer} does but without the held-out files has never seen them, so the
 * name rules can be run and their errors read on them as on unseen text — neither the scored test files of the dev
 * part nor training data of the model that evaluates them. The model is an evaluation tool only: it is written
 * outside the repository (the bundled model stays the one trained on the whole train part).
 */
public final class HoldOutNames {
    /** One file in this many of the train part is held out. */
    public static final int EVERY = 6;

    /**
     * The folds: fold 1 (the first held-out files), fold 2, fold 3 (round 9: more dev text once the first two were read),
     * folds 4 to 6 (round 10: the train-part files no fold held out yet, fresh text once the first three were read).
     */
    public static final int FOLDS = 6;

    /** Per fold, the index (in name order) of the first file it holds out; then every {@link #EVERY}th. */
    private static final int[] FIRST = {EVERY - 1, EVERY / 2 - 1, 0, 1, EVERY / 2, EVERY - 2};

    private HoldOutNames() {
    }

    /** The UD train-part files of the folder, in name order. */
    public static List<Path> trainPart(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".conll")).filter(UdSplit::isTrain).sorted().toList();
        }
    }

    /** The held-out train-part files of fold 1: the 6th, 12th, … in name order. */
    public static List<Path> held(Path data) throws IOException {
        return held(data, 1);
    }

    /**
     * The held-out train-part files of a fold: fold 1 the 6th, 12th, …; fold 2 the 3rd, 9th, …; fold 3 the 1st, 7th, …;
     * fold 4 the 2nd, 8th, …; fold 5 the 4th, 10th, …; fold 6 the 5th, 11th, … in name order (the six folds together hold
     * out every file once).
     */
    public static List<Path> held(Path data, int fold) throws IOException {
        if (fold < 1 || fold > FOLDS) {
            throw new IllegalArgumentException("no hold-out fold " + fold + " (folds 1 to " + FOLDS + ")");
        }
        List<Path> all = trainPart(data);
        List<Path> out = new ArrayList<>();
        for (int i = FIRST[fold - 1]; i < all.size(); i += EVERY) {
            out.add(all.get(i));
        }
        return out;
    }

    /**
     * Trains the name finder (same samples, parameters and synthetic text as {@link ModelTrainer}) on the train part
     * without the held-out files of fold 1, and writes it to {@code out} beside copies of the bundled sentence and token models,
     * so that {@link NorwegianModels#fromDirectory(Path)} reads the folder.
     */
    public static Path train(Path data, Path out, PrintStream log) throws IOException {
        return train(data, 1, out, log);
    }

    /** As {@link #train(Path, Path, PrintStream)}, without the held-out files of the given fold. */
    public static Path train(Path data, int fold, Path out, PrintStream log) throws IOException {
        List<Path> held = held(data, fold);
        List<List<NdtSentence>> documents = new ArrayList<>();
        for (Path file : trainPart(data)) {
            if (!held.contains(file)) {
                documents.add(NdtReader.read(file));
            }
        }
        log.printf("hold-out name model, fold %d: %d train-part files (%d held out)%n", fold, documents.size(), held.size());
        documents.addAll(new SyntheticAuditText(ModelTrainer.SYNTHETIC_SEED).paragraphs(ModelTrainer.SYNTHETIC_PARAGRAPHS));
        List<NameSample> samples = ModelTrainer.nameSamples(documents);
        TokenNameFinderModel model = NameFinderME.train(ModelTrainer.LANGUAGE, null, new CollectionObjectStream<>(samples),
                ModelTrainer.nameParameters(),
                TokenNameFinderFactory.create(null, ModelTrainer.nameFeatures(), Map.of(), new BioCodec()));
        Files.createDirectories(out);
        try (OutputStream os = Files.newOutputStream(out.resolve(NorwegianModels.NAME_MODEL))) {
            model.serialize(os);
        }
        for (String name : List.of(NorwegianModels.SENTENCE_MODEL, NorwegianModels.TOKEN_MODEL)) {
            try (InputStream in = NorwegianModels.class.getResourceAsStream(NorwegianModels.RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IOException("missing bundled model " + name);
                }
                Files.copy(in, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        log.printf("wrote %s%n", out.resolve(NorwegianModels.NAME_MODEL));
        return out;
    }
}
