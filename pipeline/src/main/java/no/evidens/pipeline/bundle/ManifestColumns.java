package no.evidens.pipeline.bundle;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The columns a {@code manifest.csv} knows, each by its English name and the Norwegian names a clerk writes in the
 * header row instead (Bokmål and Nynorsk): {@code fil;tittel;dato} reads as {@code path;title;date}. A header name is
 * compared in any letter case, trimmed, and with æ, ø and å read as ae, o and a, so a name typed on a keyboard
 * without them ({@code Tjenesteomrade}) is the same column as the one spelt right ({@code Tjenesteområde}). A name that is none of these is left as written (an extra column
 * the manifest does not use).
 */
public final class ManifestColumns {
    /** English name of each column, with its Norwegian names; the order is the one the error message lists. */
    private static final Map<String, List<String>> NAMES = names();

    private static final Map<String, String> BY_FOLDED_NAME = byFoldedName();

    private ManifestColumns() {
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("path", List.of("fil", "filnavn", "filnamn", "sti", "filsti"));
        m.put("type", List.of("dokumenttype"));
        m.put("title", List.of("tittel"));
        m.put("date", List.of("dato"));
        m.put("service", List.of("tjeneste", "teneste", "tjenesteområde", "tenesteområde"));
        m.put("municipality", List.of("kommune"));
        m.put("case", List.of("sak"));
        return m;
    }

    private static Map<String, String> byFoldedName() {
        Map<String, String> m = new LinkedHashMap<>();
        NAMES.forEach((english, norwegian) -> {
            m.put(fold(english), english);
            norwegian.forEach(n -> m.put(fold(n), english));
        });
        return m;
    }

    /** The column a header name means, by its English name, or the name as written when it is none the manifest knows. */
    public static String canonical(String headerName) {
        if (headerName == null) {
            return null;
        }
        return BY_FOLDED_NAME.getOrDefault(fold(headerName), headerName.strip());
    }

    /** Whether a column (by the name {@link #canonical} gives) is one the manifest knows. */
    public static boolean isKnown(String column) {
        return NAMES.containsKey(column);
    }

    /** The names a header may use, for an error message: {@code path (fil, filnavn, …), type (dokumenttype), …}. */
    public static String accepted() {
        return NAMES.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String fold(String name) {
        String n = Normalizer.normalize(name.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return n.replace("æ", "ae").replace("ø", "o").replace("å", "a");
    }
}
