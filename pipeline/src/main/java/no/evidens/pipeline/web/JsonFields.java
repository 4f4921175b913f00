package no.evidens.pipeline.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import no.evidens.pipeline.CleanText;

/** The fields of a JSON body: only the known ones, each of the right kind (else 400, naming the field: {@link ApiError#field()}). */
final class JsonFields {
    private final JsonNode body;

    JsonFields(JsonNode body, String... known) {
        this.body = body;
        List<String> k = List.of(known);
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!k.contains(name)) {
                throw ApiError.badField(name, "error.field.unknown", name, String.join(", ", k));
            }
        }
    }

    /** Whether the body has the field at all (null included). */
    boolean has(String name) {
        return body.has(name);
    }

    /** The field as it stands, or null. */
    JsonNode node(String name) {
        return body.get(name);
    }

    String text(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiError.badField(name, "error.field.text", name);
        }
        if (n.asText().length() > 100_000) {
            throw ApiError.badField(name, "error.field.too-long", FieldLabels.of(name));
        }
        return clean(name, n.asText());
    }

    String required(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            throw ApiError.badField(name, "error.field.missing", name);
        }
        return v.strip();
    }

    /** The text, refused at the door when it holds half a character or a control character. */
    private static String clean(String name, String text) {
        if (!CleanText.isClean(text)) {
            throw ApiError.badField(name, "error.invalid-text", FieldLabels.of(name));
        }
        return text;
    }

    /** The field as true or false, or null when absent (or null). */
    Boolean bool(String name) {
        return typed(name, JsonNode::isBoolean, JsonNode::asBoolean, () -> ApiError.badField(name, "error.field.boolean", name));
    }

    Integer integer(String name) {
        return typed(name, JsonNode::isInt, JsonNode::asInt, () -> ApiError.badField(name, "error.field.number", name));
    }

    /** The field's value when it is of the kind, null when absent (or null), else the refusal. */
    private <T> T typed(String name, Predicate<JsonNode> kind, Function<JsonNode, T> value, Supplier<ApiError> refusal) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!kind.test(n)) {
            throw refusal.get();
        }
        return value.apply(n);
    }

    List<String> strings(String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray() || n.size() > 50) {
            throw ApiError.badField(name, "error.field.list", name, 50);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw ApiError.badField(name, "error.field.list", name, 50);
            }
            if (!e.asText().isBlank()) {
                out.add(clean(name, e.asText()).strip());
            }
        }
        return out;
    }
}
