package no.evidens.pipeline.export;

import java.util.List;

import no.evidens.models.TaggedSpan;
import no.evidens.models.tag.PiiTagger;

/**
 * Keeps fødselsnummer, D- and H-numbers out of every export, anonymised or not: each valid one (check
 * digits and date, as the PII tagger finds them) becomes {@code [fødselsnummer]}, {@code [d-nummer]} or
 * {@code [h-nummer]}.
 */
public final class NationalIds {
    private static final PiiTagger TAGGER = new PiiTagger();

    private NationalIds() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<TaggedSpan> ids = TAGGER.tag(text).stream()
                .filter(s -> s.type().equals(PiiTagger.FODSELSNUMMER) || s.type().equals(PiiTagger.D_NUMMER)
                        || s.type().equals(PiiTagger.H_NUMMER)).toList();
        if (ids.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (TaggedSpan s : ids) {
            if (s.start() < at) {
                continue;
            }
            out.append(text, at, s.start()).append(switch (s.type()) {
                case PiiTagger.FODSELSNUMMER -> "[fødselsnummer]";
                case PiiTagger.D_NUMMER -> "[d-nummer]";
                default -> "[h-nummer]";
            });
            at = s.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
