package no.evidens.pipeline.analyse;

import java.util.List;

/** The spans of the analyze JSON contract; every offset is a String index into the normalised text. */
public final class Spans {
    private Spans() {
    }

    public record Sentence(int start, int end, int page) {
    }

    public record Quote(int start, int end, int page, String text) {
    }

    public record Indicator(String id, int start, int end, int page, String text) {
    }

    public record LegalRef(String law, List<String> sections, int start, int end, String text) {
    }

    public record Pii(String type, int start, int end) {
    }

    public record Entity(String type, int start, int end, String text) {
    }
}
