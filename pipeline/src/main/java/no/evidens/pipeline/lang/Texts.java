package no.evidens.pipeline.lang;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The workspace's and the exports' words in one language, from the resource bundles
 * {@code no/evidens/pipeline/web/messages_nb.properties} and {@code messages_nn.properties} (read as UTF-8,
 * as Java does since 9). A message with values is a {@link MessageFormat} pattern ({0}, {1} …).
 */
public final class Texts {
    static final String BUNDLE = "no.evidens.pipeline.web.messages";
    private static final Map<Language, Texts> ALL = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            ALL.put(l, new Texts(l, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(l.code()),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))));
        }
    }

    private final Language language;
    private final ResourceBundle bundle;

    private Texts(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static Texts of(Language language) {
        return ALL.get(language);
    }

    public Language language() {
        return language;
    }

    /** Whether the catalogue has the key. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key} with its values filled in; the key itself when the catalogue lacks it. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** As {@link #get(String, Object...)}, with the values as a list. */
    public String get(String key, List<String> args) {
        return get(key, args.toArray());
    }

    /** Every key that starts with {@code prefix} and its text (patterns unfilled), sorted. */
    public Map<String, String> startingWith(String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (String k : bundle.keySet()) {
            if (k.startsWith(prefix)) {
                out.put(k, bundle.getString(k));
            }
        }
        return out;
    }
}
