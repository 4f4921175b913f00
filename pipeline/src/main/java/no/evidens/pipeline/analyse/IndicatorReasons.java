package no.evidens.pipeline.analyse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.evidens.index.IndicatorReason;
import no.evidens.models.tag.IndicatorMention;

/**
 * Why a passage carries its indicators, from the indicator spans in it: per indicator the codebook
 * patterns that matched and the words they matched, or the classifier's confidence and strongest
 * features. The classifier's why travels in a span's {@code pattern} as {@code model 0.62: a, b, c}
 * ({@link #modelPattern}), the form {@code analyze --json} has always shown; it is read back here.
 */
public final class IndicatorReasons {
    private static final Pattern MODEL = Pattern.compile("model (\\d+(?:\\.\\d+)?): ?(.*)", Pattern.DOTALL);
    /** Runs of white space, compiled once (not by a {@code String.replaceAll} per span). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private IndicatorReasons() {
    }

    /** The {@code pattern} of a classifier's indicator span: its confidence and strongest features. */
    public static String modelPattern(double confidence, List<String> features) {
        return String.format(Locale.ROOT, "model %.2f: %s", confidence, String.join(", ", features));
    }

    /** One reason per indicator id, in the order the ids first occur among {@code spans}. */
    public static List<IndicatorReason> of(List<Spans.Indicator> spans) {
        Map<String, Acc> byId = new LinkedHashMap<>();
        for (Spans.Indicator s : spans) {
            Acc a = byId.computeIfAbsent(s.id(), id -> new Acc());
            if (IndicatorMention.MODEL.equals(s.source())) {
                Matcher m = MODEL.matcher(s.pattern() == null ? "" : s.pattern());
                if (m.matches()) {
                    double p = Double.parseDouble(m.group(1));
                    if (p > a.modelConfidence) {
                        a.modelConfidence = p;
                        a.features = m.group(2).isBlank() ? List.of() : Arrays.asList(m.group(2).split(", "));
                    }
                }
            } else {
                a.add(a.patterns, s.pattern());
                a.add(a.words, s.text() == null ? null : SPACES.matcher(s.text()).replaceAll(" ").strip());
            }
        }
        List<IndicatorReason> out = new ArrayList<>(byId.size());
        byId.forEach((id, a) -> out.add(a.patterns.isEmpty() && a.modelConfidence >= 0
                ? new IndicatorReason(id, IndicatorReason.MODEL, a.modelConfidence, a.features, List.of())
                : new IndicatorReason(id, IndicatorReason.PATTERN, 1.0, a.patterns, a.words)));
        return out;
    }

    /** What the spans of one indicator say; a pattern wins over the classifier (it never adds what the codebook found). */
    private static final class Acc {
        final List<String> patterns = new ArrayList<>();
        final List<String> words = new ArrayList<>();
        double modelConfidence = -1;
        List<String> features = List.of();

        void add(List<String> into, String value) {
            if (value != null && !value.isEmpty() && !into.contains(value)) {
                into.add(value);
            }
        }
    }
}
