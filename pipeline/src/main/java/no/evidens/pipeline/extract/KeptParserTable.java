package no.evidens.pipeline.extract;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.DefaultParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;

/**
 * Tika's {@link AutoDetectParser} as {@code new AutoDetectParser()} makes it (Tika's default configuration: its
 * detector, its parsers, its fallback), with each table of parsers by media type built once instead of for every
 * parse. Tika's {@link CompositeParser} builds its table anew each time it chooses a parser, by asking every
 * parser for its types and normalising each of them (85 parsers, 254 types), and a file is chosen for twice, once
 * by the auto-detecting parser and once by the default parser it holds, and so is every embedded document
 * (6% of a worker's reading threads on the generated bundle, flight recording of 2026-12-02). Tika has no
 * setting to keep the table, hence these two overrides.
 *
 * <p>A table is the same for every parse but where a parser's types depend on the parse's context: of the
 * parsers on the class path only Tesseract's does (none when its configuration says to skip OCR), so a table
 * is kept for each value of that setting. The parsers themselves and their order are the default parser's, so
 * each type gets the parser it got before.
 */
final class KeptParserTable extends AutoDetectParser {
    private static final long serialVersionUID = 1L;
    /** The tables built so far, by what the context says of OCR ({@link #key}). */
    private final transient Map<String, Map<MediaType, Parser>> tables = new ConcurrentHashMap<>();

    private KeptParserTable(TikaConfig config, Parser parsers) {
        // Tika's default detector, its registry's magic run skipped where the type is already settled.
        super(SettledTypeDetector.over(config.getDetector(), config.getMediaTypeRegistry()), parsers);
        setMediaTypeRegistry(config.getMediaTypeRegistry());
        setAutoDetectParserConfig(config.getAutoDetectParserConfig());
        // What AutoDetectParser(TikaConfig) falls back on: its default parser's fallback.
        if (config.getParser() instanceof CompositeParser composite) {
            setFallback(composite.getFallback());
        }
    }

    /** Over Tika's default configuration, as {@code new AutoDetectParser()}. */
    static AutoDetectParser create() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        if (config.getAutoDetectParserConfig().getDigesterFactory() != null
                || !(config.getParser() instanceof DefaultParser all)) {
            // A configuration of the user's own (a digester, other parsers): taken as Tika takes it.
            return new AutoDetectParser(config);
        }
        Kept inner = new Kept(all.getMediaTypeRegistry(), all.getAllComponentParsers());
        inner.setFallback(all.getFallback());
        return new KeptParserTable(config, inner);
    }

    @Override
    public Map<MediaType, Parser> getParsers(ParseContext context) {
        return tables.computeIfAbsent(key(context), k -> Collections.unmodifiableMap(super.getParsers(context)));
    }

    /** What of the context a table depends on: whether OCR is skipped (Tesseract's parser offers no type then). */
    static String key(ParseContext context) {
        TesseractOCRConfig ocr = context.get(TesseractOCRConfig.class);
        return ocr == null ? "default" : String.valueOf(ocr.isSkipOcr());
    }

    /** The default parser's parsers, in its order, with its table kept in the same way. */
    private static final class Kept extends CompositeParser {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, Map<MediaType, Parser>> tables = new ConcurrentHashMap<>();

        Kept(MediaTypeRegistry registry, List<Parser> parsers) {
            super(registry, parsers);
        }

        @Override
        public Map<MediaType, Parser> getParsers(ParseContext context) {
            return tables.computeIfAbsent(key(context), k -> Collections.unmodifiableMap(super.getParsers(context)));
        }
    }
}
