package no.evidens.index;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * {@link SharedEndings} for a Solr schema, after {@link SharedEndingsCharFilterFactory}:
 * {@code <filter class="no.evidens.index.SharedEndingsFilterFactory"/>}, or with {@code compounds="false"} (the parts
 * field: the marks taken off, no compound added).
 */
public final class SharedEndingsFilterFactory extends TokenFilterFactory {
    /** The filter's SPI name. */
    public static final String NAME = "evidensSharedEndings";

    private final boolean compounds;

    public SharedEndingsFilterFactory(Map<String, String> args) {
        super(args);
        compounds = getBoolean(args, "compounds", true);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public SharedEndingsFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new SharedEndings(input, NorwegianAnalysis.PARTS, compounds);
    }
}
