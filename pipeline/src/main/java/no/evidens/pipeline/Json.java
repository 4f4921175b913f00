package no.evidens.pipeline;

import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import no.evidens.index.SearchHit;
import no.evidens.pipeline.search.HitJson;

/** JSON output of records (the contracts of analyze, ingest and search), with Jackson. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(SearchHit.class, SearchHitNames.class);

    /** A search hit is written with its snippet marked up from its offsets, in the contract's field names. */
    @JsonSerialize(converter = HitJson.FromHit.class)
    private abstract static class SearchHitNames {
    }

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * The same JSON as {@link #write(Object)}, as UTF-8 bytes: written straight to bytes, not to a String that is then
     * encoded (a web answer is sent as bytes).
     */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /** Writes the value to the file, whole or not at all ({@link WholeFile}). */
    public static void write(Object value, Path file) {
        WholeFile.write(file, out -> MAPPER.writeValue(out, value));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
