package no.evidens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import no.evidens.corpus.SampleBundle;
import no.evidens.corpus.SampleDocument;

/**
 * The index analyzer shares the first steps of the text and parts fields; every token of every field, with
 * all its attributes, and the state at the end must be what each field's own chain gives.
 */
class TextAndPartsAnalyzerTest {
    private static final List<String> FIELDS = List.of(PassageSchema.TEXT, PassageSchema.PARTS, PassageSchema.HEADING);
    private static final List<String> EDGES = List.of("", " ", "og det er i", "Barneverntjenesten og NAV, jf. sosialtjenesteloven § 4-1",
            "helse- og omsorgstjenesteloven og forvaltningslova og helsepersonelloven.", "Taushetsplikt: aa ae oe ä ö. Skulen og skular",
            "«Vi samarbeider», står det i avtalen med fastlegen 12.03.2024 og 1.1.2025.", "ettervern   og\n\ntiltaksplan i det",
            "lovene, loven, lova, forlova, barnevernsloven og barnevernlovens",
            "barnevern-, helse- og sosialtjenester, inn- og utgående, helse-");
    private static Analyzer shared;
    private static Analyzer separate;
    private static List<String> texts;

    @BeforeAll
    static void open() {
        shared = NorwegianAnalysis.analyzer();
        separate = NorwegianAnalysis.separateChains();
        texts = new ArrayList<>(EDGES);
        for (SampleDocument d : SampleBundle.documents()) {
            texts.add(d.expectedText());
            for (String paragraph : d.expectedText().split("\n\n")) {
                texts.add(paragraph);
            }
        }
    }

    @AfterAll
    static void close() {
        shared.close();
        separate.close();
    }

    @Test
    void eachFieldGivesTheSameTokensAsItsOwnChainWhenWrittenAsAPassageIs() throws IOException {
        for (String text : texts) {
            // as the writer analyses a passage: text, then parts of the same text, then the heading
            for (String field : FIELDS) {
                assertEquals(tokens(separate, field, text), tokens(shared, field, text), field + ": " + text);
            }
        }
        assertTrue(texts.size() > 100, "the sample texts were read");
    }

    @Test
    void partsOfAnotherTextThanTheLastTextAreAnalysedInFull() throws IOException {
        for (int i = 1; i < texts.size(); i++) {
            tokens(shared, PassageSchema.TEXT, texts.get(i - 1));
            assertEquals(tokens(separate, PassageSchema.PARTS, texts.get(i)), tokens(shared, PassageSchema.PARTS, texts.get(i)));
            assertEquals(tokens(separate, PassageSchema.PARTS, texts.get(i - 1)), tokens(shared, PassageSchema.PARTS, texts.get(i - 1)));
        }
    }

    @Test
    void partsAfterATextLeftUnfinishedAreAnalysedInFull() throws IOException {
        String text = texts.get(3);
        try (TokenStream ts = shared.tokenStream(PassageSchema.TEXT, text)) {
            ts.reset();
            ts.incrementToken();
        }
        assertEquals(tokens(separate, PassageSchema.PARTS, text), tokens(shared, PassageSchema.PARTS, text));
    }

    @Test
    void threadsWritingAtOnceEachReplayTheirOwnText() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < texts.size() / 4; i++) {
                        String text = texts.get((i * 4 + offset) % texts.size());
                        List<String> text1 = tokens(shared, PassageSchema.TEXT, text);
                        List<String> parts = tokens(shared, PassageSchema.PARTS, text);
                        assertEquals(tokens(separate, PassageSchema.TEXT, text), text1);
                        assertEquals(tokens(separate, PassageSchema.PARTS, text), parts);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Every token with all its attributes, and the attributes after the end. */
    static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            ts.reset();
            while (ts.incrementToken()) {
                out.add(ts.reflectAsString(true));
            }
            ts.end();
            out.add("end: " + ts.reflectAsString(true));
        }
        return out;
    }
}
