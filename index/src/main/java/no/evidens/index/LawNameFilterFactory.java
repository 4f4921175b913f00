package no.evidens.index;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** {@link LawNameFilter} for a Solr schema: {@code <filter class="no.evidens.index.LawNameFilterFactory"/>}. */
public final class LawNameFilterFactory extends TokenFilterFactory {
    /** The filter's SPI name. */
    public static final String NAME = "evidensLawName";

    public LawNameFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public LawNameFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new LawNameFilter(input);
    }
}
