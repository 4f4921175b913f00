package no.evidens.pipeline.analyse;

import java.util.List;

/** The spans of the analyze JSON contract; every offset is a String index into the normalised text. */
public final class Spans {
    private Spans() {
    }

    public record Sentence(int start, int end, int page) {
    }

    /**
     * A quotation: its inner text (without the marks).
     *
     * @param sentences   indices (into the document's sentences) of the sentences it sits in
     * @param pages       every page it runs over
     * @param attribution the cue naming who is quoted or where from ({@code sier leder}), or null
     * @param flags       {@code unclosed} (bounded at its paragraph's end), {@code nested}, {@code multi-paragraph}
     * @param mark        the opening quotation mark
     * @param depth       0 in running text, 1 inside another quotation, …
     */
    public record Quote(int start, int end, int page, String text, List<Integer> sentences, List<Integer> pages,
                        String attribution, List<String> flags, String mark, int depth) {
        public Quote {
            sentences = List.copyOf(sentences);
            pages = List.copyOf(pages);
            flags = List.copyOf(flags);
        }
    }

    /**
     * A mention of an audit indicator of the codebook.
     *
     * @param source  what found it: {@code pattern} or {@code model}
     * @param pattern the codebook pattern that matched
     */
    public record Indicator(String id, int start, int end, int page, String text, String source, String pattern) {
    }

    /** A legal reference; {@code law} is null when the text does not say which law. */
    public record LegalRef(String law, List<String> sections, int start, int end, String text, int page) {
        public LegalRef {
            sections = List.copyOf(sections);
        }
    }

    /**
     * Personal data: {@code PERSON} (name model), {@code FODSELSNUMMER}, {@code D_NUMMER}, {@code PHONE},
     * {@code EMAIL}, {@code ADDRESS}.
     */
    public record Pii(String type, int start, int end, int page) {
    }

    public record Entity(String type, int start, int end, String text) {
    }
}
