package no.evidens.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
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
    /** The record of each analysis thread: components are made in the thread that uses them. */
    private final CloseableThreadLocal<SharedWords> records = new CloseableThreadLocal<>();

    TextAndPartsAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream words = NorwegianAnalysis.words(source);
        if (PassageSchema.TEXT.equals(fieldName)) {
            SharedWords record = record();
            TokenStream s = NorwegianAnalysis.stems(record.recorder(words));
            return new TokenStreamComponents(reader -> {
                String text = read(reader);
                record.analysing(text);
                source.setReader(new StringReader(text));
            }, s);
        }
        if (PassageSchema.PARTS.equals(fieldName)) {
            SharedWords.Replay replay = record().replay(words);
            TokenStream s = NorwegianAnalysis.stems(NorwegianAnalysis.parts(replay));
            return new TokenStreamComponents(reader -> {
                String text = read(reader);
                replay.prepare(text);
                source.setReader(new StringReader(text));
            }, s);
        }
        return new TokenStreamComponents(source, NorwegianAnalysis.stems(words));
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

    private static String read(Reader reader) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        try {
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @Override
    public void close() {
        records.close();
        super.close();
    }
}
