package no.evidens.pipeline.web;

import java.util.Map;

/**
 * The name a form of the workspace shows for a JSON field, for the refusals a person causes by what they typed
 * (too long, half a character): «Tittel», not {@code title}. Fields no form shows, and refusals only a program can
 * cause (a number where text belongs, an unknown field), keep the field's JSON name, which the program knows.
 */
final class FieldLabels {
    /** JSON field → catalogue key of its label, as the findings page and the attach dialog show it. */
    private static final Map<String, String> LABELS = Map.of("title", "ui.findings.fieldTitle", "requirements", "ui.field.requirements",
            "text", "ui.findings.fieldText", "note", "ui.attach.fieldNote");

    private FieldLabels() {
    }

    /** The field's label (worded in the user's language), or its JSON name when no form shows it. */
    static Object of(String field) {
        String key = LABELS.get(field);
        return key == null ? field : new ApiError.Word(key);
    }
}
