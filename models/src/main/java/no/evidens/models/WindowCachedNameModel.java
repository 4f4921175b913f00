package no.evidens.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The name model, its features generated with less repetition. The model's feature description puts the
 * token's class and the lower-cased token in a window of two tokens either side: OpenNLP works out each of
 * them five times per token (once as the token, once as each neighbour), for every token of a text. Here each
 * such inner generator is wrapped in OpenNLP's own {@code CachedFeatureGenerator}, which keeps a token's
 * features for the rest of the sentence: the same feature strings in the same order, so the same names and
 * probabilities, with a fifth of that work. A model whose description differs (one trained by a user) is used
 * as it is.
 */
final class WindowCachedNameModel extends TokenNameFinderModel {
    private static final String DESCRIPTOR = "generator.featuregen";
    private static final String CACHED = "opennlp.tools.util.featuregen.CachedFeatureGeneratorFactory";
    private static final String[] WINDOWED = {
        "opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory",
        "opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory"};

    private final TokenNameFinderFactory factory;

    WindowCachedNameModel(InputStream in) throws IOException {
        super(in);
        byte[] descriptor = getArtifact(DESCRIPTOR);
        String cached = descriptor == null ? null : cachedWindows(new String(descriptor, StandardCharsets.UTF_8));
        this.factory = cached == null ? null
                : new TokenNameFinderFactory(cached.getBytes(StandardCharsets.UTF_8), Map.of(), getSequenceCodec());
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
}
