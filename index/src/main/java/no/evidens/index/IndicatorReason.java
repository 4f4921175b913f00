package no.evidens.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Why a passage carries an indicator: the codebook patterns that matched and the words they matched, or
 * the paragraph classifier's confidence and its strongest features. Stored with the passage (one stored
 * value per indicator, {@link #encode()}); a passage indexed before reasons were recorded has none.
 *
 * @param indicator  the indicator id, one of the passage's {@code indicators}
 * @param source     {@value #PATTERN} (a codebook pattern) or {@value #MODEL} (the classifier)
 * @param confidence 1 for a pattern, the classifier's probability for the model
 * @param why        the patterns that matched, or the classifier's strongest features
 * @param words      the words of the passage the patterns matched, as written (empty for the model)
 */
public record IndicatorReason(String indicator, String source, double confidence, List<String> why, List<String> words) {
    public static final String PATTERN = "pattern";
    public static final String MODEL = "model";

    /* The stored form: fields apart by a tab, list items by a unit separator; neither occurs in a value. */
    private static final String FIELD = "\t";
    private static final String ITEM = "\u001f";
    /** A pattern's confidence, 1, as {@link #confidence(double)} writes it. */
    private static final String PATTERN_CONFIDENCE = "1.000";

    public IndicatorReason {
        why = List.copyOf(why);
        words = List.copyOf(words);
    }

    /** The stored form, read back by {@link #decode(String)}. */
    public String encode() {
        return clean(indicator) + FIELD + clean(source) + FIELD + confidence(confidence) + FIELD + join(why) + FIELD
                + join(words);
    }

    /**
     * A confidence to three decimals, as {@code String.format(Locale.ROOT, "%.3f", c)} writes it. A pattern's, 1,
     * is by far the most common and is written without the formatter, which was 9 of the 21 samples of building
     * the passages' Lucene documents in an ingest (flight recording, 2026-12-02).
     */
    static String confidence(double c) {
        return c == 1.0 ? PATTERN_CONFIDENCE : String.format(Locale.ROOT, "%.3f", c);
    }

    /** A stored value as a reason, or null when it is not one (written by a later version, damaged). */
    public static IndicatorReason decode(String stored) {
        String[] f = stored.split(FIELD, -1);
        if (f.length < 5 || f[0].isEmpty()) {
            return null;
        }
        try {
            return new IndicatorReason(f[0], f[1], Double.parseDouble(f[2]), split(f[3]), split(f[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Every stored value that reads as a reason, in order. */
    public static List<IndicatorReason> decodeAll(List<String> stored) {
        List<IndicatorReason> out = new ArrayList<>(stored.size());
        for (String s : stored) {
            IndicatorReason r = decode(s);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static String join(List<String> values) {
        return String.join(ITEM, values.stream().map(IndicatorReason::clean).toList());
    }

    private static List<String> split(String field) {
        return field.isEmpty() ? List.of() : Arrays.asList(field.split(ITEM, -1));
    }

    private static String clean(String value) {
        return value.replace(FIELD, " ").replace(ITEM, " ");
    }
}
