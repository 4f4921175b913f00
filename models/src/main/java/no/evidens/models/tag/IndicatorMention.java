package no.evidens.models.tag;

/**
 * A mention of an audit indicator.
 *
 * @param id      the indicator's id in the codebook
 * @param start   first character (String index into the analysed text)
 * @param end     one past the last character
 * @param source  what found it: {@value #PATTERN} (a codebook pattern) or {@value #MODEL}
 * @param pattern the codebook pattern that matched (so an auditor can see why), or the model's name
 */
public record IndicatorMention(String id, int start, int end, String source, String pattern) {
    public static final String PATTERN = "pattern";
    public static final String MODEL = "model";
}
