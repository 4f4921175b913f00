package no.evidens.evaluation.tags;

import java.util.List;

import no.evidens.models.TaggedSpan;
import no.evidens.pipeline.export.Anonymiser;

/**
 * A name finder that misses persons on purpose, for the anonymiser's stress run (issue 15, rounds 15–19): of the
 * person spans the wrapped finder returns, those whose text hashes to one in four are dropped, so the same name is
 * missed everywhere in a document, whatever its neighbours. What leaks then shows what the anonymiser's own rules catch
 * when the name model and its cues miss a person. Places, organisations and the rest pass unchanged.
 */
public final class StressedNames implements Anonymiser.NameFinder {
    private final Anonymiser.NameFinder finder;

    public StressedNames(Anonymiser.NameFinder finder) {
        this.finder = finder;
    }

    @Override
    public List<TaggedSpan> names(String text) {
        return finder.names(text).stream().filter(s -> !dropped(s, text)).toList();
    }

    /** The rule of rounds 17 and 18's scratch harnesses, kept as it was so their figures can be run again. */
    static boolean dropped(TaggedSpan span, String text) {
        return "PER".equals(span.type()) && (span.cut(text).hashCode() * 31 + 7) % 4 == 0;
    }
}
