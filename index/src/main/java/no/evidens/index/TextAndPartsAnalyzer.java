package no.evidens.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.TypeTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.CloseableThreadLocal;

/**
 * The index-time chain of the text fields. A passage's text is indexed twice, as {@code text} and as
 * {@code parts}, and both chains begin with the same steps (tokens, lower case, folding, stop words): profiling
 * showed those steps to be a tenth of indexing. So the {@code text} field records what they produced, and the
 * {@code parts} field that follows it in the same document (same thread, same text) replays the record
 * instead of running them again ({@link SharedWords}); any other value of {@code parts} runs them itself. The
 * tokens are the same either way ({@code TextAndPartsAnalyzerTest} compares them with the separate chains).
 * Lucene's {@code TeeSinkTokenFilter} shares a stream within one document too, but it must be wired into the
 * document's fields, which would bypass the writer's analyzer; this keeps the sharing inside the analyzer.
 */
final class TextAndPartsAnalyzer extends Analyzer {
    private static final Set<String> SHARED_ENDING = Set.of(SharedEndings.TYPE);
    /** The record of each analysis thread: components are made in the thread that uses them. */
    private final CloseableThreadLocal<SharedWords> records = new CloseableThreadLocal<>();

    TextAndPartsAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream words = NorwegianAnalysis.indexWords(source, !PassageSchema.PARTS.equals(fieldName));
        if (PassageSchema.TEXT.equals(fieldName)) {
            SharedWords record = record();
            TokenStream s = NorwegianAnalysis.stems(record.recorder(words));
            ValueReader values = new ValueReader();
            return new TokenStreamComponents(reader -> {
                String text = SharedEndings.marked(values.read(reader));
                record.analysing(text);
                source.setReader(new StringReader(text));
            }, s);
        }
        if (PassageSchema.PARTS.equals(fieldName)) {
            SharedWords.Replay replay = record().replay(words);
            // the text field's record holds a coordination's compounds, which the parts field leaves out (SharedEndings)
            TokenStream s = new PartsByWord(new TypeTokenFilter(replay, SHARED_ENDING));
            ValueReader values = new ValueReader();
            return new TokenStreamComponents(reader -> {
                String text = SharedEndings.marked(values.read(reader));
                replay.prepare(text);
                source.setReader(new StringReader(text));
            }, s);
        }
        ValueReader values = new ValueReader();
        return new TokenStreamComponents(reader -> source.setReader(new StringReader(SharedEndings.marked(values.read(reader)))),
                NorwegianAnalysis.stems(words));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return NorwegianAnalysis.normalized(in);
    }

    private SharedWords record() {
        SharedWords record = records.get();
        if (record == null) {
            record = new SharedWords();
            records.set(record);
        }
        return record;
    }

    /**
     * Reads a field's value into one buffer kept from value to value, then copies it once into a string (a
     * growing {@code StringBuilder} copied a passage's text several times). One per chain, so per thread.
     */
    private static final class ValueReader {
        private char[] buffer = new char[2048];

        String read(Reader reader) {
            int length = 0;
            try {
                for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, length, buffer.length - length)) {
                    length += n;
                    if (length == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, 2 * buffer.length);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String(buffer, 0, length);
        }
    }

    @Override
    public void close() {
        records.close();
        super.close();
    }
}
