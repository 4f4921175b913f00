package no.evidens.pipeline.lang;

import java.util.Locale;

/** The two written standards of Norwegian the workspace and the exports speak. */
public enum Language {
    /** Bokmål, the default. */
    NB,
    /** Nynorsk. */
    NN;

    /** The code: {@code nb} or {@code nn}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language named {@code code} ({@code nb}, {@code nn}; {@code no} and {@code nob} are Bokmål), or Bokmål. */
    public static Language of(String code) {
        if (code == null) {
            return NB;
        }
        String c = code.strip().toLowerCase(Locale.ROOT);
        return c.equals("nn") || c.equals("nno") || c.startsWith("nn-") || c.equals("nynorsk") ? NN : NB;
    }

    /** Whether {@code code} names one of the two (so a stored choice can be checked). */
    public static boolean known(String code) {
        return code != null && (code.equals("nb") || code.equals("nn"));
    }
}
