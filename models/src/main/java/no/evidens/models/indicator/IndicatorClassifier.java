package no.evidens.models.indicator;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import no.evidens.models.ModelEntryData;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.DataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * A paragraph classifier for the indicator categories: one OpenNLP maximum-entropy model per category
 * (yes/no, L2-regularised quasi-Newton training), since a paragraph may carry several categories or
 * none, which OpenNLP's single-label document categorizer cannot express. The features are
 * {@link ParagraphFeatures}; the codebook's own findings are among them, so the model learns where the
 * codebook is right and brings recall where it is silent.
 *
 * <p>Every guess explains itself: its probability and the features that raise it most (each
 * feature's effect measured by leaving it out). Thread-safe once built.
 */
public final class IndicatorClassifier {
    /** Where the bundled model lives on the class path. */
    public static final String RESOURCE = "/no/evidens/models/nb-indicators.bin";
    private static final String YES = "yes";
    private static final String NO = "no";

    /** One category the classifier gives a paragraph, with why. */
    public record Guess(String category, double probability, List<String> features) {
    }

    /** Every category's probability, and the categories reaching the threshold (as {@link #guess}). */
    public record Assessment(Map<String, Double> probabilities, List<Guess> guesses) {
    }

    private final Map<String, MaxentModel> models;
    private final SharedPredicates predicates;
    /** Whether every model is a QN model, so a paragraph's features can be numbered without their strings. */
    private final boolean allQn;

    private IndicatorClassifier(Map<String, MaxentModel> models) {
        this.models = models;
        this.predicates = new SharedPredicates(models.values());
        this.allQn = models.values().stream().allMatch(m -> predicates.number(m) >= 0);
    }

    /** Trains one model per category that has at least one positive paragraph. */
    public static IndicatorClassifier train(List<LabelledParagraph> paragraphs, List<Set<String>> codebookCategories) {
        Map<String, MaxentModel> models = new LinkedHashMap<>();
        List<String[]> features = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            features.add(ParagraphFeatures.of(paragraphs.get(i).text(), codebookCategories.get(i)));
        }
        for (String category : IndicatorCategories.ALL) {
            List<Event> events = new ArrayList<>();
            int positives = 0;
            for (int i = 0; i < paragraphs.size(); i++) {
                boolean yes = paragraphs.get(i).labels().contains(category);
                positives += yes ? 1 : 0;
                events.add(new Event(yes ? YES : NO, features.get(i)));
            }
            if (positives == 0) {
                continue;
            }
            try {
                models.put(category, trainer().train(ObjectStreamUtils.createObjectStream(events)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot train the indicator model for " + category, e);
            }
        }
        return new IndicatorClassifier(models);
    }

    private static EventTrainer trainer() {
        TrainingParameters p = new TrainingParameters();
        p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
        p.put(TrainingParameters.CUTOFF_PARAM, 1);
        p.put(TrainingParameters.ITERATIONS_PARAM, 200);
        p.put(QNTrainer.L2COST_PARAM, 0.3);
        p.put(TrainingParameters.THREADS_PARAM, 1);
        return TrainerFactory.getEventTrainer(p, null);
    }

    /** The categories whose probability reaches {@code threshold}, most probable first, each with its three strongest features (readable). */
    public List<Guess> guess(String[] features, double threshold) {
        return assess(features, threshold).guesses();
    }

    /** {@link #probabilities} and {@link #guess} at once, each model evaluated once. */
    public Assessment assess(String[] features, double threshold) {
        return assess(features, threshold, category -> true);
    }

    /**
     * As {@link #assess(String[], double)}, but only the guesses whose category {@code explain} accepts get their
     * strongest features; the others come with none. Finding them leaves out each known feature in turn, the
     * classifier's largest cost, so a caller that drops some guesses (a category the codebook already found)
     * need not pay for theirs.
     */
    public Assessment assess(String[] features, double threshold, Predicate<String> explain) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        List<Guess> out = new ArrayList<>();
        int[] ids = predicates.ids(features);
        double[] qn = predicates.probabilities(YES, ids);
        for (Map.Entry<String, MaxentModel> e : models.entrySet()) {
            int number = predicates.number(e.getValue());
            double p = number < 0 ? yes(e.getValue(), features) : qn[number];
            probabilities.put(e.getKey(), p);
            if (p >= threshold) {
                // The scores with each feature left out are built only for a guess that is explained.
                List<String> why = explain.test(e.getKey())
                        ? strongest(e.getValue(), predicates.scores(e.getValue(), YES, ids), features, p) : List.of();
                out.add(new Guess(e.getKey(), p, why));
            }
        }
        out.sort(Comparator.comparingDouble(Guess::probability).reversed());
        return new Assessment(probabilities, out);
    }

    /**
     * The features of a paragraph ({@link ParagraphFeatures#of}) numbered, for {@link #assess(SharedPredicates.Numbered,
     * double, Predicate)}; null when some model is not a QN model (then only the feature strings will do).
     */
    SharedPredicates.Numbered number(String paragraph, Set<String> codebookCategories) {
        return allQn ? predicates.ids(paragraph, codebookCategories) : null;
    }

    /**
     * As {@link #assess(String[], double, Predicate)} over the features of {@link #number}: the very same
     * probabilities and explanations, the features' strings made only for the features that explain a guess.
     */
    Assessment assess(SharedPredicates.Numbered numbered, double threshold, Predicate<String> explain) {
        return assess(numbered, threshold, explain, false);
    }

    /**
     * As {@link #assess(SharedPredicates.Numbered, double, Predicate)}; with {@code guessesOnly} the probabilities hold
     * only the categories whose probability was worked out: one that surely stays under {@code threshold} (no guess) is
     * left out of them ({@link SharedPredicates#probabilities(String, int[], double)}). The guesses are the same.
     */
    Assessment assess(SharedPredicates.Numbered numbered, double threshold, Predicate<String> explain, boolean guessesOnly) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        List<Guess> out = new ArrayList<>();
        int[] ids = numbered.ids();
        double[] qn = guessesOnly ? predicates.probabilities(YES, ids, threshold) : predicates.probabilities(YES, ids);
        for (Map.Entry<String, MaxentModel> e : models.entrySet()) {
            double p = qn[predicates.number(e.getValue())];
            if (guessesOnly && p == SharedPredicates.BELOW) {
                continue;
            }
            probabilities.put(e.getKey(), p);
            if (p >= threshold) {
                List<String> why = explain.test(e.getKey())
                        ? strongest(predicates.scores(e.getValue(), YES, ids), i -> predicates.name(ids[i]), p)
                        : List.of();
                out.add(new Guess(e.getKey(), p, why));
            }
        }
        out.sort(Comparator.comparingDouble(Guess::probability).reversed());
        return new Assessment(probabilities, out);
    }

    /** The probability of each category the classifier knows. */
    public Map<String, Double> probabilities(String[] features) {
        Map<String, Double> out = new LinkedHashMap<>();
        int[] ids = predicates.ids(features);
        double[] qn = predicates.probabilities(YES, ids);
        models.forEach((c, m) -> {
            int number = predicates.number(m);
            out.put(c, number < 0 ? yes(m, features) : qn[number]);
        });
        return out;
    }

    private static double yes(MaxentModel model, String[] features) {
        return model.eval(features)[model.getIndex(YES)];
    }

    /**
     * The (up to) three features whose removal lowers the probability most. With {@code scores} (a QN model)
     * only the features the model knows are left out in turn: leaving out another changes nothing.
     */
    private static List<String> strongest(MaxentModel model, QnScores scores, String[] features, double p) {
        if (scores != null) {
            return strongest(scores, i -> features[i], p);
        }
        List<Effect> effects = new ArrayList<>();
        for (int i = 0; i < features.length; i++) {
            if ("bias".equals(features[i])) {
                continue;
            }
            String[] without = new String[features.length - 1];
            System.arraycopy(features, 0, without, 0, i);
            System.arraycopy(features, i + 1, without, i, features.length - i - 1);
            double drop = p - yes(model, without);
            if (drop > 0) {
                effects.add(new Effect(features[i], drop));
            }
        }
        return strongest(effects);
    }

    /** Of a QN model, only the features it knows are left out in turn; {@code featureAt} gives the i-th feature's string. */
    private static List<String> strongest(QnScores scores, IntFunction<String> featureAt, double p) {
        List<Effect> effects = new ArrayList<>();
        int[] known = scores.knownIndices();
        double[] without = scores.probabilitiesWithoutEach();
        for (int k = 0; k < known.length; k++) {
            double drop = p - without[k];
            String feature = featureAt.apply(known[k]);
            if (!"bias".equals(feature) && drop > 0) {
                effects.add(new Effect(feature, drop));
            }
        }
        return strongest(effects);
    }

    private record Effect(String feature, double drop) {
    }

    private static List<String> strongest(List<Effect> effects) {
        effects.sort(Comparator.comparingDouble(Effect::drop).reversed());
        return effects.stream().limit(3).map(e -> ParagraphFeatures.readable(e.feature())).toList();
    }

    /** The model shipped with Evidens, or {@code null} when there is none on the class path. */
    public static IndicatorClassifier bundled() {
        try (InputStream in = IndicatorClassifier.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads what {@link #write} wrote. The bytes are read whole and taken from memory ({@link ModelEntryData}): read
     * through a {@code DataInputStream} from the class path, each number and string of the 3.5 MB was a call into the
     * jar's inflater.
     */
    public static IndicatorClassifier read(InputStream raw) throws IOException {
        return new IndicatorClassifier(models(new ModelEntryData(raw.readAllBytes())));
    }

    /** Each category's model, in the order written. */
    static Map<String, MaxentModel> models(DataReader in) throws IOException {
        int n = in.readInt();
        Map<String, MaxentModel> models = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String category = in.readUTF();
            models.put(category, new GenericModelReader(in).getModel());
        }
        return models;
    }

    /** Writes every category's model into one file: a count, then per model its category and the model. */
    public void write(Path file) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file));
             DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(models.size());
            for (Map.Entry<String, MaxentModel> e : models.entrySet()) {
                out.writeUTF(e.getKey());
                // The model writer closes its stream when done; the file must stay open for the next model.
                DataOutputStream shielded = new DataOutputStream(new FilterOutputStream(out) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                });
                new GenericModelWriter((AbstractModel) e.getValue(), shielded).persist();
            }
        }
    }
}
