package no.evidens.evaluation.tags;

import java.util.List;

import no.evidens.models.TaggedSpan;
import no.evidens.pipeline.export.Anonymiser;

/**
 * A name finder that misses persons on purpose, for the anonymiser's stress run (issue 15, rounds 15–19): of the
 * person spans the wrapped finder returns, those whose text hashes to one in four are dropped, so the same name is
 * missed everywhere in a document, whatever its neighbours. What leaks then shows what the anonymiser's own rules catch
 * when the name model and its cues miss a person. Places, organisations and the rest pass unchanged.
 *
 * <p>Round 25: the quarter dropped can be chosen ({@link #QUARTERS} of them, 0 the rounds before's): the other three
 * drop other names, new dev material once the first quarter's leaks have all been read.
 */
public final class StressedNames implements Anonymiser.NameFinder {
    /** How many quarters the person names fall into. */
    public static final int QUARTERS = 4;

    private final Anonymiser.NameFinder finder;
    private final int quarter;

    /** The stress run of rounds 15–24: quarter 0. */
    public StressedNames(Anonymiser.NameFinder finder) {
        this(finder, 0);
    }

    /** Drops the person names whose text hashes to {@code quarter} (0 to {@link #QUARTERS} − 1). */
    public StressedNames(Anonymiser.NameFinder finder, int quarter) {
        if (quarter < 0 || quarter >= QUARTERS) {
            throw new IllegalArgumentException("quarter must be 0 to " + (QUARTERS - 1) + ", not " + quarter);
        }
        this.finder = finder;
        this.quarter = quarter;
    }

    @Override
    public List<TaggedSpan> names(String text) {
        return finder.names(text).stream().filter(s -> !dropped(s, text, quarter)).toList();
    }

    /**
     * The rule of rounds 17 and 18's scratch harnesses, kept as it was so their figures can be run again (quarter 0: the
     * floor modulus is 0 exactly where the old remainder was).
     */
    static boolean dropped(TaggedSpan span, String text, int quarter) {
        return "PER".equals(span.type()) && Math.floorMod(span.cut(text).hashCode() * 31 + 7, QUARTERS) == quarter;
    }
}
