package no.evidens.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.SequenceClassificationModel;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameContextGenerator;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.model.ArtifactSerializer;

/**
 * The name model, its features generated with less repetition. The model's feature description puts the
 * token's class and the lower-cased token in a window of two tokens either side: OpenNLP works out each of
 * them five times per token (once as the token, once as each neighbour), for every token of a text. Here each
 * such inner generator is wrapped in OpenNLP's own {@code CachedFeatureGenerator}, which keeps a token's
 * features for the rest of the sentence: the same feature strings in the same order, so the same names and
 * probabilities, with a fifth of that work. A model whose description differs (one trained by a user) is used
 * as it is.
 *
 * <p>When every feature generator of the description is one whose features depend only on the tokens of a run, the
 * outcomes before a token and OpenNLP's previous map (see {@link #STATELESS}), the finders made with this model
 * ({@link #finder()}) remember their answers per run of tokens and previous-map state ({@link RememberingNameFinder}).
 */
final class WindowCachedNameModel extends TokenNameFinderModel {
    private static final String DESCRIPTOR = "generator.featuregen";
    private static final String MAXENT_MODEL = "nameFinder.model"; // OpenNLP's name for it in the model
    private static final String CACHED = "opennlp.tools.util.featuregen.CachedFeatureGeneratorFactory";
    private static final String[] WINDOWED = {
        "opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory"};
    /**
     * The feature generators whose features are a function of the run's tokens, the token's index and the outcomes
     * before it, plus OpenNLP's previous map (each token's outcome when last seen in the document): the only
     * adaptive one. A description with any other generator (a dictionary, word clusters, one of a user's) is
     * searched every time.
     */
    static final Set<String> STATELESS = Set.of(
            "opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.PrefixFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.SuffixFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.DefinitionFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.BigramNameFeatureGeneratorFactory",
            "opennlp.tools.util.featuregen.SentenceFeatureGeneratorFactory",
            CACHED);
    private static final Pattern LENGTH = Pattern.compile("<int\\s+name=\"(?:prevLength|nextLength)\">\\s*(\\d+)\\s*</int>");
    private static final String EVIDENS_DESCRIPTION = "train/ner-features.xml";
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->|<\\?xml.*?\\?>", Pattern.DOTALL);
    private static final Pattern GENERATOR = Pattern.compile("<generator\\s+class=\"([^\"]*)\"");

    private final TokenNameFinderFactory factory;
    private final boolean remembers;

    WindowCachedNameModel(InputStream in) throws IOException {
        super(in);
        byte[] descriptor = getArtifact(DESCRIPTOR);
        String cached = descriptor == null ? null : cachedWindows(new String(descriptor, StandardCharsets.UTF_8));
        this.remembers = cached != null && onlyStateless(cached);
        TokenFeatures.Index index = remembers && evidensDescription(descriptor)
                && getArtifact(MAXENT_MODEL) instanceof MaxentModel maxent ? TokenFeatures.Index.of(maxent) : null;
        this.factory = cached == null ? null : remembers
                ? new RememberingFactory(cached.getBytes(StandardCharsets.UTF_8), getSequenceCodec(), radius(cached), index)
                : new TokenNameFinderFactory(cached.getBytes(StandardCharsets.UTF_8), Map.of(), getSequenceCodec());
    }

    @Override
    public SequenceClassificationModel getNameFinderSequenceModel() {
        // OpenNLP's own choice (a beam search over the maximum-entropy model, its beam as the manifest says), with
        // the model able to answer from a finder's memory of windows.
        if (remembers && getArtifact(MAXENT_MODEL) instanceof MaxentModel maxent) {
            String beam = getManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER);
            return new RememberingBeam(beam == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beam), maxent);
        }
        return super.getNameFinderSequenceModel();
    }

    /** How far from a token its features reach: the longest window of the description, and the bigrams' one. */
    static int radius(String descriptor) {
        Matcher m = LENGTH.matcher(descriptor);
        int radius = 1;
        while (m.find()) {
            radius = Math.max(radius, Integer.parseInt(m.group(1)));
        }
        return radius;
    }

    /** A name finder for one thread: one that remembers its answers when the description allows it. */
    NameFinderME finder() {
        return remembers ? new RememberingNameFinder(this) : new NameFinderME(this);
    }

    /**
     * Whether a description is Evidens's own ({@code train/ner-features.xml}, comments and spacing aside): the one
     * whose features {@link TokenFeatures} builds from what it remembers per token string.
     */
    static boolean evidensDescription(byte[] descriptor) {
        try (InputStream in = WindowCachedNameModel.class.getResourceAsStream(EVIDENS_DESCRIPTION)) {
            return in != null && descriptor != null && bare(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .equals(bare(new String(descriptor, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return false;
        }
    }

    private static String bare(String xml) {
        return COMMENT.matcher(xml).replaceAll("").replaceAll("\\s+", "");
    }

    /** Whether the finders of this model remember their answers per run of tokens. */
    boolean remembersSentences() {
        return remembers;
    }

    /** Whether every generator in the description is one of {@link #STATELESS}, and there is at least one. */
    static boolean onlyStateless(String descriptor) {
        Matcher m = GENERATOR.matcher(descriptor);
        int generators = 0;
        while (m.find()) {
            if (!STATELESS.contains(m.group(1))) {
                return false;
            }
            generators++;
        }
        return generators > 0 && descriptor.split("<generator\\b", -1).length - 1 == generators;
    }

    /** The classifier entry read from memory ({@link ModelEntrySerializer}); called while the model loads. */
    @Override
    protected void createArtifactSerializers(Map<String, ArtifactSerializer<?>> serializers) {
        super.createArtifactSerializers(serializers);
        serializers.put(ModelEntrySerializer.EXTENSION, new ModelEntrySerializer());
    }

    @Override
    public TokenNameFinderFactory getFactory() {
        // Called while the model loads too, before this class has its factory.
        return factory == null ? super.getFactory() : factory;
    }

    /**
     * The description with each windowed token-class and token generator inside a cached one, or null when the
     * description is not the one this was written for (every such generator must be inside a window).
     */
    static String cachedWindows(String descriptor) {
        String out = descriptor;
        for (String generator : WINDOWED) {
            String open = "<generator class=\"" + generator + "\">";
            int at = out.indexOf(open);
            if (at < 0 || out.indexOf(open, at + 1) >= 0 || !out.substring(0, at).stripTrailing().endsWith("</int>")) {
                return null; // not once, right after a window's lengths
            }
            int end = out.indexOf("</generator>", at);
            int nested = out.indexOf("<generator", at + open.length());
            if (end < 0 || (nested >= 0 && nested < end)) {
                return null;
            }
            end += "</generator>".length();
            out = out.substring(0, at) + "<generator class=\"" + CACHED + "\">" + out.substring(at, end) + "</generator>"
                    + out.substring(end);
        }
        return out;
    }

    /** OpenNLP's factory, whose context generators keep their adaptive data in view of the finder. */
    private static final class RememberingFactory extends TokenNameFinderFactory {
        private final int radius;

        private final TokenFeatures.Index index;

        RememberingFactory(byte[] descriptor, SequenceCodec<String> codec, int radius, TokenFeatures.Index index) {
            super(descriptor, Map.of(), codec);
            this.radius = radius;
            this.index = index;
        }

        @Override
        public NameContextGenerator createContextGenerator() {
            return new RememberingNameFinder.Memory(createFeatureGenerators(), radius, index);
        }

        @Override
        public SequenceCodec<String> createSequenceCodec() {
            // OpenNLP's BIO codec itself: the same codec, its validator's answers remembered per pair of outcomes
            SequenceCodec<String> codec = super.createSequenceCodec();
            return codec.getClass() == BioCodec.class ? new OutcomePairValidator.Codec() : codec;
        }
    }
}
