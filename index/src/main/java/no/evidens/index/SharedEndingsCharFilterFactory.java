package no.evidens.index;

import java.io.Reader;
import java.util.Map;

import org.apache.lucene.analysis.CharFilterFactory;

/**
 * {@link SharedEndings#marked} for a Solr schema: {@code <charFilter class="no.evidens.index.SharedEndingsCharFilterFactory"/>}
 * marks the hyphen of a coordination's first word, for {@link SharedEndingsFilterFactory}.
 */
public final class SharedEndingsCharFilterFactory extends CharFilterFactory {
    /** The filter's SPI name. */
    public static final String NAME = "evidensSharedEndingsMark";

    public SharedEndingsCharFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** For the service loader only. */
    public SharedEndingsCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return SharedEndings.marked(input);
    }
}
