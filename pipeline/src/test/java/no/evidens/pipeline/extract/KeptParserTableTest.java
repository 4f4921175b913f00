package no.evidens.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.junit.jupiter.api.Test;

/**
 * The extractor's parser chooses, for every media type, the parser Tika's own default auto-detecting parser
 * chooses, with or without OCR, while building its tables once instead of for every file.
 */
class KeptParserTableTest {
    private static ParseContext context(boolean skipOcr) {
        ParseContext context = new ParseContext();
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(skipOcr);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    /** For each media type, the class of the parser that finally reads it (inside the default parser). */
    private static Map<String, String> chosen(AutoDetectParser parser, ParseContext context) {
        Map<String, String> chosen = new TreeMap<>();
        for (Map.Entry<MediaType, Parser> e : parser.getParsers(context).entrySet()) {
            Parser inner = e.getValue() instanceof CompositeParser composite
                    ? composite.getParsers(context).get(e.getKey()) : e.getValue();
            chosen.put(e.getKey().toString(), inner.getClass().getName());
        }
        return chosen;
    }

    @Test
    void everyTypeGetsTheParserTikaChooses() {
        AutoDetectParser kept = KeptParserTable.create();
        AutoDetectParser tika = new AutoDetectParser();
        for (boolean skipOcr : new boolean[] {true, false}) {
            Map<String, String> expected = chosen(tika, context(skipOcr));
            assertTrue(expected.size() > 200, "Tika's default parsers read some 250 types");
            assertEquals(expected, chosen(kept, context(skipOcr)));
        }
        assertEquals(tika.getFallback().getClass(), kept.getFallback().getClass());
        // Tika's own detectors in its order (the registry's patterns skipped where the type is settled).
        assertEquals(classes(((CompositeDetector) tika.getDetector()).getDetectors()),
                classes(((SettledTypeDetector) kept.getDetector()).getDetectors()));
    }

    private static List<String> classes(List<Detector> detectors) {
        return detectors.stream().map(d -> d.getClass().getName()).toList();
    }

    @Test
    void theTableIsBuiltOnceForEachOcrSetting() {
        AutoDetectParser kept = KeptParserTable.create();
        Map<MediaType, Parser> first = kept.getParsers(context(true));
        assertSame(first, kept.getParsers(context(true)));
        assertSame(kept.getParsers(context(false)), kept.getParsers(context(false)));
        Parser inner = first.get(MediaType.application("pdf"));
        assertTrue(inner instanceof CompositeParser);
        CompositeParser composite = (CompositeParser) inner;
        assertSame(composite.getParsers(context(true)), composite.getParsers(context(true)));
    }
}
