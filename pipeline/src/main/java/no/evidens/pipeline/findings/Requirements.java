package no.evidens.pipeline.findings;

import java.util.ArrayList;
import java.util.List;

import no.evidens.findings.LegalRequirement;
import no.evidens.models.tag.LegalRefTagger;
import no.evidens.models.tag.LegalReference;

/** Reads the legal requirements of a finding as the tagger reads legal references: «barnevernloven § 4-3». */
public final class Requirements {
    private static final LegalRefTagger TAGGER = new LegalRefTagger();

    private Requirements() {
    }

    /** The longest part of a requirement's text a refusal quotes back: the start says which line is meant. */
    static final int QUOTED = 60;

    /**
     * Every reference in each text, in order.
     *
     * @throws IllegalArgumentException when a text holds no reference to a named law
     */
    public static List<LegalRequirement> parse(List<String> texts) {
        List<LegalRequirement> out = new ArrayList<>();
        for (String text : texts) {
            List<LegalReference> refs = TAGGER.tag(text);
            if (refs.isEmpty()) {
                throw new no.evidens.pipeline.Refusal("error.requirement.none", "no legal reference in '" + quoted(text)
                        + "': write it like 'barnevernloven § 4-3'", quoted(text));
            }
            for (LegalReference r : refs) {
                if (r.law() == null) {
                    String ref = quoted(text.substring(r.start(), r.end()));
                    throw new no.evidens.pipeline.Refusal("error.requirement.law", "which law does '" + ref
                            + "' refer to? write it like 'barnevernloven § 4-3'", ref);
                }
                out.add(new LegalRequirement(r.law(), r.sections(), text.substring(r.start(), r.end()).strip()));
            }
        }
        return out;
    }

    /**
     * The text as a refusal quotes it: whole when short, else its first words, up to {@value #QUOTED} characters, and «…» (a line of
     * 600 characters said back in full hides the advice after it). Cut between code points, never inside a surrogate
     * pair; a library's abbreviation (commons-lang3, not a dependency of this module) would cut between chars.
     */
    static String quoted(String text) {
        String t = text.strip();
        if (t.codePointCount(0, t.length()) <= QUOTED) {
            return t;
        }
        String head = t.substring(0, t.offsetByCodePoints(0, QUOTED));
        int space = head.lastIndexOf(' ');
        if (space > 0 && !Character.isWhitespace(t.codePointAt(head.length()))) {
            // not in the middle of a word
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }
}
