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
                throw new no.evidens.pipeline.Refusal("error.requirement.none", "no legal reference in '" + text + "': write it like 'barnevernloven § 4-3'", text);
            }
            for (LegalReference r : refs) {
                if (r.law() == null) {
                    throw new no.evidens.pipeline.Refusal("error.requirement.law", "which law does '" + text.substring(r.start(), r.end())
                            + "' refer to? write it like 'barnevernloven § 4-3'", text.substring(r.start(), r.end()));
                }
                out.add(new LegalRequirement(r.law(), r.sections(), text.substring(r.start(), r.end()).strip()));
            }
        }
        return out;
    }
}
