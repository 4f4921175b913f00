package no.evidens.pipeline.bundle;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Document types, and the type a bundle's top folder stands for. */
public final class DocumentTypes {
    public static final String STYRINGSDOKUMENT = "styringsdokument";
    public static final String JOURNAL = "journal";
    public static final String KLIENTDOKUMENTASJON = "klientdokumentasjon";
    public static final String ANNET = "annet";
    public static final Set<String> ALL = Set.of(STYRINGSDOKUMENT, JOURNAL, KLIENTDOKUMENTASJON, ANNET);

    private static final Map<String, String> BY_FOLDER = Map.of(
            "styringsdokumenter", STYRINGSDOKUMENT,
            "journaler", JOURNAL,
            "klientdokumentasjon", KLIENTDOKUMENTASJON);

    private DocumentTypes() {
    }

    /** The type of a file from the top folder of its path in the bundle. */
    public static String ofPath(String pathInBundle) {
        int slash = pathInBundle.indexOf('/');
        if (slash < 0) {
            return ANNET;
        }
        return BY_FOLDER.getOrDefault(pathInBundle.substring(0, slash).toLowerCase(Locale.ROOT), ANNET);
    }
}
